using FluentValidation;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.SchedulePost;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>A row built into a post, waiting to be written: <see cref="Row"/> counts from 1.</summary>
internal sealed record PlannedPost(int Row, Post Post, DateTimeOffset DueAt, string? TimeZone);

/// <summary>
/// Creates and schedules many posts at once, all or nothing: every row is checked first, and any problem
/// answers 422 with the problems of each row while nothing is written.
/// </summary>
internal sealed class BulkScheduler(
    IValidator<PostPayload> payloadValidator, IValidator<ScheduleRequest> scheduleValidator, TargetChecks checks, Scheduling scheduling,
    PostsDbContext db, ITenantContext tenant, TimeProvider clock)
{
    public const int MaxRows = 500;

    /// <summary>Every row checked and built into a post (not yet written), or 422 with each row's problems.</summary>
    public async Task<IReadOnlyList<PlannedPost>> PlanAsync(IReadOnlyList<BulkPostRow> rows, IReadOnlyList<RowError> earlierErrors, Guid userId, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(rows, earlierErrors, userId, cancellationToken);
        return check.Failed.Count > 0 ? throw RowsRefused(check.Failed, rows.Count) : check.Planned;
    }

    /// <summary>422 naming each row's problems: the whole batch is refused, nothing is scheduled.</summary>
    public static ProblemException RowsRefused(IReadOnlyList<RowError> failed, int total) =>
        new(422, "Some rows are not valid", $"{failed.Count} of {total} rows have problems; nothing was scheduled.",
            new Dictionary<string, object?> { ["rows"] = failed });

    /// <summary>
    /// Every row checked, those without a problem of their own built into a post (not yet written), and the problems of
    /// the others; only a batch of the wrong size is refused outright.
    /// </summary>
    public async Task<BulkCheck> CheckAsync(IReadOnlyList<BulkPostRow> rows, IReadOnlyList<RowError> earlierErrors, Guid userId, CancellationToken cancellationToken)
    {
        if (rows.Count == 0 || rows.Count > MaxRows)
        {
            throw ProblemException.BadRequest($"Send between 1 and {MaxRows} posts.");
        }
        var errors = earlierErrors.ToDictionary(e => e.Row, e => e.Errors.ToList());
        var now = clock.GetUtcNow();
        var planned = new List<PlannedPost>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowErrors = errors.TryGetValue(i + 1, out var known) ? known : errors[i + 1] = [];
            var row = rows[i];
            rowErrors.AddRange((await payloadValidator.ValidateAsync(row.Payload, cancellationToken)).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            rowErrors.AddRange((await scheduleValidator.ValidateAsync(row.Schedule, cancellationToken)).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            if (rowErrors.Count > 0)
            {
                continue;
            }
            row.Schedule.TryResolve(out var dueAt);
            if (dueAt <= now)
            {
                rowErrors.Add($"scheduledAt: {dueAt:u} is not in the future.");
            }
            var (accounts, missing) = await checks.FindAccountsAsync(row.Payload.Targets.Select(t => t.AccountId), cancellationToken);
            rowErrors.AddRange(missing.Select(id => $"targets: account {id} is not connected in this tenant."));
            var media = await checks.FindMediaAsync(row.Payload.LibraryMediaIds, cancellationToken);
            rowErrors.AddRange(row.Payload.LibraryMediaIds.Where(id => !media.ContainsKey(id)).Select(id => $"media: item {id} is not in this tenant's library."));
            if (rowErrors.Count > 0)
            {
                continue;
            }
            var post = new Post
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.RequiredTenantId,
                CreatedBy = userId,
                Status = PostStatus.Draft,
                CreatedAt = now,
            };
            PostWriter.Apply(post, row.Payload, accounts, media, now);
            foreach (var (target, problems) in await checks.PublishProblemsAsync(post, cancellationToken))
            {
                rowErrors.AddRange(problems.Select(p => $"{target.Platform} {target.SocialAccountId}: {p}"));
            }
            planned.Add(new PlannedPost(i + 1, post, dueAt, row.TimeZone));
        }

        var failed = errors.Where(e => e.Value.Count > 0).OrderBy(e => e.Key).Select(e => new RowError(e.Key, e.Value)).ToList();
        return new BulkCheck([.. planned.Where(plan => !failed.Any(row => row.Row == plan.Row))], failed);
    }

    /// <summary>Writes and queues the planned posts, in the unit of work this scheduler was resolved in.</summary>
    public async Task<IReadOnlyList<Guid>> CommitAsync(IReadOnlyList<PlannedPost> planned, CancellationToken cancellationToken)
    {
        db.Posts.AddRange(planned.Select(p => p.Post));
        await scheduling.QueueAsync([.. planned.Select(p => new PostToSchedule(p.Post, p.DueAt, p.TimeZone))], cancellationToken);
        return planned.Select(p => p.Post.Id).ToList();
    }
}

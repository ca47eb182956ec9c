using Microsoft.Extensions.DependencyInjection;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>
/// Bulk scheduling with each target held against its account's platform, holding no connection while platforms answer:
/// the rows are checked and built in one short unit of work, the platforms asked with none open, and the posts written
/// and queued in another. All or nothing: a refusal answers 422 naming the row and target field, a platform that cannot
/// be asked 503. A preview goes through the same checks and writes nothing.
/// </summary>
internal sealed class CheckedBulkScheduling(IServiceScopeFactory scopes, ITenantContext tenant)
{
    public async Task<IReadOnlyList<Guid>> ScheduleAsync(IReadOnlyList<BulkPostRow> rows, IReadOnlyList<RowError> earlierErrors, Guid userId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var planned = await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<BulkScheduler>().PlanAsync(rows, earlierErrors, userId, cancellationToken), cancellationToken);

        var answers = await AskPlatformsAsync(tenantId, planned, cancellationToken);
        var refused = answers.Where(answer => answer.Findings.Errors.Count > 0).Select(answer => Refusal(answer.Plan.Row, answer.Findings)).ToList();
        if (refused.Count > 0)
        {
            throw BulkScheduler.RowsRefused(refused, rows.Count);
        }
        var unavailable = answers.SelectMany(answer => answer.Findings.Unavailable).ToDictionary();
        if (unavailable.Count > 0)
        {
            throw PlatformTargetChecks.Unavailable(unavailable);
        }

        return await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<BulkScheduler>().CommitAsync(planned, cancellationToken), cancellationToken);
    }

    /// <summary>Each row as scheduling would take it, with its problems (its own, then its platforms'), creating nothing.</summary>
    public async Task<BulkPreviewResponse> PreviewAsync(IReadOnlyList<BulkPostRow> rows, IReadOnlyList<RowError> earlierErrors, Guid userId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var check = await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<BulkScheduler>().CheckAsync(rows, earlierErrors, userId, cancellationToken), cancellationToken);
        var problems = check.Failed.ToDictionary(row => row.Row, row => row.Errors.ToList());
        foreach (var (plan, findings) in await AskPlatformsAsync(tenantId, check.Planned, cancellationToken))
        {
            var found = Refusal(plan.Row, findings).Errors
                .Concat(findings.Unavailable.Keys.Select(target =>
                    $"{plan.Post.Targets.First(t => t.Id.ToString() == target).Platform}: the platform could not be asked whether it takes this post; try again shortly."))
                .ToList();
            if (found.Count > 0)
            {
                problems[plan.Row] = found;
            }
        }
        var plans = check.Planned.ToDictionary(plan => plan.Row);
        var preview = rows.Select((row, index) =>
        {
            var number = index + 1;
            var plan = plans.GetValueOrDefault(number);
            return new BulkPreviewRow(number, row.Title, row.Content, row.Type ?? "text", row.ScheduledAt, row.TimeZone, plan?.DueAt,
                [.. (row.Targets ?? []).Select(target => target.AccountId)],
                plan is null ? [] : [.. plan.Post.Targets.Select(target => target.SocialPlatform).Distinct().Order()],
                problems.GetValueOrDefault(number) ?? []);
        }).ToList();
        return new BulkPreviewResponse(preview.Count, preview.Count(row => row.Errors.Count == 0), preview);
    }

    private async Task<List<(PlannedPost Plan, PlatformFindings Findings)>> AskPlatformsAsync(Guid tenantId, IReadOnlyList<PlannedPost> planned, CancellationToken cancellationToken)
    {
        var answers = new List<(PlannedPost, PlatformFindings)>();
        await using var scope = scopes.CreateTenantScope(tenantId);
        var platforms = scope.ServiceProvider.GetRequiredService<PlatformTargetChecks>();
        foreach (var plan in planned)
        {
            answers.Add((plan, await platforms.CheckAsync(TargetToCheck.Of(plan.Post), cancellationToken)));
        }
        return answers;
    }

    private static RowError Refusal(int row, PlatformFindings findings) =>
        new(row, [.. findings.Errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}"))]);
}

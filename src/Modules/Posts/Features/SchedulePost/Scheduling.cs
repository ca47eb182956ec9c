using Platform.Billing.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.Posts.Limits;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;

namespace Platform.Posts.Features.SchedulePost;

/// <summary>
/// Puts every target of a post in the due index for one instant, after checking it can be published and its month of the
/// plan has room for it, and raises <see cref="PostScheduled"/> with it.
/// </summary>
internal sealed class Scheduling(
    TargetChecks checks, PublishQueue queue, PostsDbContext db, Outbox outbox, IPlanLimitGuard limits, PostsPerMonthUsage postsPerMonth, TimeProvider clock)
{
    public Task QueueAsync(Post post, DateTimeOffset dueAt, string? timeZone, CancellationToken cancellationToken) =>
        QueueAsync([new PostToSchedule(post, dueAt, timeZone)], cancellationToken);

    /// <summary>
    /// Queues several posts together: the plan's posts-per-month limit is checked once per calendar month they fall in,
    /// for all of that month's posts at once, so a bulk schedule that does not fit is refused whole.
    /// </summary>
    public async Task QueueAsync(IReadOnlyList<PostToSchedule> posts, CancellationToken cancellationToken)
    {
        foreach (var (post, _, _) in posts)
        {
            PostLoader.EnsureEditable(post);
            await checks.EnsurePublishableAsync(post, cancellationToken);
        }
        var months = new Dictionary<(int Year, int Month), List<PostToSchedule>>();
        foreach (var scheduled in posts)
        {
            var month = await postsPerMonth.MonthOfAsync(scheduled.DueAt, cancellationToken);
            (months.TryGetValue(month, out var inMonth) ? inMonth : months[month] = []).Add(scheduled);
        }
        foreach (var inMonth in months.Values)
        {
            var usage = await postsPerMonth.InMonthOfAsync(inMonth[0].DueAt, cancellationToken);
            await limits.EnsureAsync(PlanLimit.PostsPerMonth, inMonth.Count, usage, cancellationToken);
        }
        foreach (var (post, dueAt, timeZone) in posts)
        {
            await EnqueueAsync(post, dueAt, timeZone, cancellationToken);
        }
    }

    private async Task EnqueueAsync(Post post, DateTimeOffset dueAt, string? timeZone, CancellationToken cancellationToken)
    {
        var targets = post.Targets.Select(t => t.Id).ToList();
        if (post.Status == PostStatus.Scheduled && await queue.RemoveUnclaimedAsync(targets, cancellationToken) < targets.Count)
        {
            throw ProblemException.Conflict("The post is being published right now.");
        }
        var now = clock.GetUtcNow();
        foreach (var target in post.Targets)
        {
            target.ResetForRetry(now);
        }
        post.Status = PostStatus.Scheduled;
        post.ScheduledAt = dueAt;
        post.TimeZone = timeZone;
        post.UpdatedAt = now;
        post.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(post.TenantId, targets, dueAt, cancellationToken);
        await outbox.AddAsync([new PostScheduled { TenantId = post.TenantId, OccurredAt = now, PostId = post.Id, ScheduledAt = dueAt, TimeZone = timeZone, TargetIds = targets }], cancellationToken);
    }
}

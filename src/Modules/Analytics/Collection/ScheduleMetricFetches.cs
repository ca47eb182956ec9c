using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Analytics.Data;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// Starts tracking a target once it is published: records what a fetch needs, and schedules one Hangfire job (carrying the
/// tenant) per slot of the <see cref="MetricSchedule"/>. A redelivered event schedules nothing twice that could store twice:
/// each slot stores at most one snapshot.
/// </summary>
internal sealed class ScheduleMetricFetches(AnalyticsDbContext db, IBackgroundJobClient jobs, IOptions<MetricsCollectionOptions> options)
    : IIntegrationEventHandler<PostTargetPublished>
{
    public async Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken)
    {
        if (!SocialPlatforms.TryParse(published.Platform, out var platform) ||
            await db.TrackedTargets.AnyAsync(t => t.TargetId == published.TargetId, cancellationToken))
        {
            return;
        }
        db.TrackedTargets.Add(new TrackedTarget
        {
            TargetId = published.TargetId,
            TenantId = published.TenantId,
            PostId = published.PostId,
            SocialAccountId = published.SocialAccountId,
            Platform = platform,
            PlatformPostId = published.PlatformPostId,
            PublishedAt = published.OccurredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        var schedule = new MetricSchedule(options.Value.TrackFor);
        var tenantId = published.TenantId;
        var targetId = published.TargetId;
        for (var slot = 0; slot < schedule.Offsets.Count; slot++)
        {
            var fetchSlot = slot;
            jobs.Schedule<MetricFetchJob>(job => job.FetchAsync(tenantId, targetId, fetchSlot, CancellationToken.None),
                schedule.DueAt(published.OccurredAt, slot));
        }
    }
}

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Analytics.Collection;
using Platform.Analytics.Data;
using Platform.Analytics.Rollups;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Refresh;

/// <summary>
/// Fetches now the metrics of every target of a tenant still being tracked, one snapshot per target for the refresh. A run
/// repeated (a retry, a redelivery) asks the platform only for the targets that have no snapshot of this refresh yet.
/// </summary>
internal sealed class MetricRefreshJob(
    IServiceScopeFactory scopes, ISocialAccounts accounts, SnapshotStore store, IBackgroundJobClient jobs, IOptions<MetricsCollectionOptions> options, TimeProvider clock,
    ILogger<MetricRefreshJob> logger)
{
    /// <returns>How many snapshots this run stored.</returns>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RefreshAsync(Guid tenantId, Guid refreshId, CancellationToken cancellationToken)
    {
        var trackedSince = clock.GetUtcNow() - options.Value.TrackFor;
        var targets = await scopes.RunAsync(tenantId, services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            return db.TrackedTargets.AsNoTracking()
                .Where(t => t.PublishedAt >= trackedSince && !db.Snapshots.Any(s => s.TargetId == t.TargetId && s.RefreshId == refreshId))
                .OrderBy(t => t.PublishedAt)
                .ToListAsync(cancellationToken);
        }, cancellationToken);
        var stored = 0;
        foreach (var target in targets)
        {
            PostMetrics metrics;
            try
            {
                metrics = await accounts.GetMetricsAsync(target.SocialAccountId, target.PlatformPostId, cancellationToken);
            }
            catch (PlatformException refusal)
            {
                // One account's refusal leaves its reason and does not stop the other targets; its scheduled slots try again.
                await store.RecordRefusalAsync(tenantId, target.SocialAccountId, refusal, cancellationToken);
                logger.LogWarning("Refresh {RefreshId}: metrics of target {TargetId} on {Platform} refused: {Kind}",
                    refreshId, target.TargetId, target.Platform, refusal.Kind);
                continue;
            }
            if (await store.StoreAsync(MetricSnapshot.ForRefresh(target, refreshId, metrics, clock.GetUtcNow()), cancellationToken))
            {
                stored++;
            }
        }
        if (stored > 0)
        {
            // Older days of the reports come from roll-ups: bring them up to the fresh figures now rather than at the next sweep.
            jobs.Enqueue<RollupJob>(job => job.RollUpAsync(tenantId, CancellationToken.None));
        }
        return stored;
    }
}

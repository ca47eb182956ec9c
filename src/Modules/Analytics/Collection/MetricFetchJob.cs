using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Analytics.Data;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// Fetches one target's metrics for one slot of its schedule and stores them as that slot's snapshot. No connection is held
/// while the platform answers: the target is read, and the answer written, in short units of work of their own.
/// </summary>
internal sealed class MetricFetchJob(IServiceScopeFactory scopes, ISocialAccounts accounts, SnapshotStore store, TimeProvider clock, ILogger<MetricFetchJob> logger)
{
    /// <returns>Whether a snapshot was stored by this run.</returns>
    [AutomaticRetry(Attempts = 3)]
    public async Task<bool> FetchAsync(Guid tenantId, Guid targetId, int slot, CancellationToken cancellationToken)
    {
        var target = await scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            var taken = await db.Snapshots.AnyAsync(s => s.TargetId == targetId && s.Slot == slot, cancellationToken);
            return taken ? null : await db.TrackedTargets.AsNoTracking().SingleOrDefaultAsync(t => t.TargetId == targetId, cancellationToken);
        }, cancellationToken);
        if (target is null)
        {
            return false;
        }
        PostMetrics metrics;
        try
        {
            metrics = await accounts.GetMetricsAsync(target.SocialAccountId, target.PlatformPostId, cancellationToken);
        }
        catch (PlatformException refusal)
        {
            await store.RecordRefusalAsync(tenantId, target.SocialAccountId, refusal, cancellationToken);
            logger.LogWarning("Metrics of target {TargetId} on {Platform} refused: {Kind}", targetId, target.Platform, refusal.Kind);
            // A busy or failing platform may answer later; a token or permission problem needs the user (the next slot tries again).
            if (refusal.Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.Transient)
            {
                throw;
            }
            return false;
        }
        return await store.StoreAsync(MetricSnapshot.From(target, slot, metrics, clock.GetUtcNow()), cancellationToken);
    }
}

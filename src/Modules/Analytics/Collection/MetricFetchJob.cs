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
internal sealed class MetricFetchJob(IServiceScopeFactory scopes, ISocialAccounts accounts, TimeProvider clock, ILogger<MetricFetchJob> logger)
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
            await RecordStatusAsync(tenantId, target.SocialAccountId, status => status.Refused(refusal.Kind, refusal.Message, clock.GetUtcNow()), cancellationToken);
            logger.LogWarning("Metrics of target {TargetId} on {Platform} refused: {Kind}", targetId, target.Platform, refusal.Kind);
            // A busy or failing platform may answer later; a token or permission problem needs the user (the next slot tries again).
            if (refusal.Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.Transient)
            {
                throw;
            }
            return false;
        }
        var snapshot = MetricSnapshot.From(target, slot, metrics, clock.GetUtcNow());
        return await scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            // Two runs of one slot may both reach here: the unique (target, slot) key keeps the first.
            var stored = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at,
                    impressions, reach, views, likes, comments, shares, saves, clicks, others)
                VALUES ({snapshot.Id}, {snapshot.TenantId}, {snapshot.TargetId}, {snapshot.PostId}, {snapshot.SocialAccountId},
                    {snapshot.Platform.ToString()}, {snapshot.Slot}, {snapshot.FetchedAt}, {snapshot.Impressions}, {snapshot.Reach},
                    {snapshot.Views}, {snapshot.Likes}, {snapshot.Comments}, {snapshot.Shares}, {snapshot.Saves}, {snapshot.Clicks},
                    {OthersJson(snapshot)}::jsonb)
                ON CONFLICT (target_id, slot) DO NOTHING
                """, cancellationToken);
            await RecordStatusAsync(db, tenantId, target.SocialAccountId, status => status.Collected(clock.GetUtcNow()), cancellationToken);
            return stored == 1;
        }, cancellationToken);
    }

    private static string? OthersJson(MetricSnapshot snapshot) =>
        snapshot.Others is null ? null : System.Text.Json.JsonSerializer.Serialize(snapshot.Others);

    private Task RecordStatusAsync(Guid tenantId, Guid accountId, Action<AccountAnalyticsStatus> change, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            await RecordStatusAsync(services.GetRequiredService<AnalyticsDbContext>(), tenantId, accountId, change, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task RecordStatusAsync(
        AnalyticsDbContext db, Guid tenantId, Guid accountId, Action<AccountAnalyticsStatus> change, CancellationToken cancellationToken)
    {
        var status = await db.AccountStatuses.SingleOrDefaultAsync(s => s.SocialAccountId == accountId, cancellationToken);
        if (status is null)
        {
            status = new AccountAnalyticsStatus { TenantId = tenantId, SocialAccountId = accountId };
            db.AccountStatuses.Add(status);
        }
        change(status);
        await db.SaveChangesAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Data;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// Writes fetched snapshots (of targets and of accounts) and the account's collection status, each in a short unit of work of its own, so no connection
/// is held while a platform answers. A snapshot whose slot or refresh already has one is not stored again.
/// </summary>
internal sealed class SnapshotStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <returns>Whether the snapshot was stored (false: its slot or refresh already had one).</returns>
    public Task<bool> StoreAsync(MetricSnapshot snapshot, CancellationToken cancellationToken) =>
        scopes.RunAsync(snapshot.TenantId, async services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            var others = snapshot.Others is null ? null : System.Text.Json.JsonSerializer.Serialize(snapshot.Others);
            // Two runs of one fetch may both reach here: the unique (target, slot) and (target, refresh) keys keep the first.
            var stored = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, refresh_id,
                    fetched_at, impressions, reach, views, likes, comments, shares, saves, clicks, others)
                VALUES ({snapshot.Id}, {snapshot.TenantId}, {snapshot.TargetId}, {snapshot.PostId}, {snapshot.SocialAccountId},
                    {snapshot.Platform.ToString()}, {snapshot.Slot}, {snapshot.RefreshId}, {snapshot.FetchedAt}, {snapshot.Impressions},
                    {snapshot.Reach}, {snapshot.Views}, {snapshot.Likes}, {snapshot.Comments}, {snapshot.Shares}, {snapshot.Saves},
                    {snapshot.Clicks}, {others}::jsonb)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            await ChangeStatusAsync(db, snapshot.TenantId, snapshot.SocialAccountId, status => status.Collected(clock.GetUtcNow()), cancellationToken);
            return stored == 1;
        }, cancellationToken);

    /// <summary>One row per account and day: a second collection of the day replaces the first one's figures.</summary>
    public Task StoreAccountAsync(AccountSnapshot snapshot, CancellationToken cancellationToken) =>
        scopes.RunAsync(snapshot.TenantId, async services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO analytics.account_snapshots (tenant_id, social_account_id, day, platform, followers, fetched_at)
                VALUES ({snapshot.TenantId}, {snapshot.SocialAccountId}, {snapshot.Day}, {snapshot.Platform.ToString()}, {snapshot.Followers},
                    {snapshot.FetchedAt})
                ON CONFLICT (tenant_id, social_account_id, day)
                DO UPDATE SET platform = EXCLUDED.platform, followers = EXCLUDED.followers, fetched_at = EXCLUDED.fetched_at
                """, cancellationToken);
            await ChangeStatusAsync(db, snapshot.TenantId, snapshot.SocialAccountId, status => status.Collected(clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    public Task RecordRefusalAsync(Guid tenantId, Guid accountId, PlatformException refusal, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<AnalyticsDbContext>();
            await ChangeStatusAsync(db, tenantId, accountId, status => status.Refused(refusal.Kind, refusal.Message, clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task ChangeStatusAsync(
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

using Platform.TestKit;

namespace Platform.Analytics.Tests;

/// <summary>Writes tracked targets and their snapshots straight into a tenant's tables, under its row-level security.</summary>
internal static class TrackedData
{
    public static async Task<Guid> TargetAsync(
        this TestDatabase database, Guid tenantId, DateTimeOffset publishedAt, string platform = "X", Guid? postId = null, Guid? accountId = null,
        string platformPostId = "1")
    {
        var targetId = Guid.NewGuid();
        await database.ScalarAsTenantAsync(tenantId, """
            INSERT INTO analytics.tracked_targets (target_id, tenant_id, post_id, social_account_id, platform, platform_post_id, published_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, targetId, tenantId, postId ?? Guid.NewGuid(), accountId ?? Guid.NewGuid(), platform, platformPostId, publishedAt);
        return targetId;
    }

    /// <summary>A scheduled-slot snapshot of the target; null figures stay null.</summary>
    public static Task SnapshotAsync(
        this TestDatabase database, Guid tenantId, Guid targetId, int slot, DateTimeOffset fetchedAt,
        long? impressions = null, long? views = null, long? likes = null, long? comments = null, long? shares = null, long? saves = null) =>
        database.ScalarAsTenantAsync(tenantId, """
            INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at,
                impressions, views, likes, comments, shares, saves)
            SELECT gen_random_uuid(), tenant_id, target_id, post_id, social_account_id, platform, $2, $3, $4, $5, $6, $7, $8, $9
            FROM analytics.tracked_targets WHERE target_id = $1
            """, targetId, slot, fetchedAt, (object?)impressions ?? DBNull.Value, (object?)views ?? DBNull.Value, (object?)likes ?? DBNull.Value,
            (object?)comments ?? DBNull.Value, (object?)shares ?? DBNull.Value, (object?)saves ?? DBNull.Value);

    /// <summary>An account's follower count on one of its tenant's days; null stays unknown.</summary>
    public static Task AccountSnapshotAsync(this TestDatabase database, Guid tenantId, Guid accountId, string platform, string day, long? followers) =>
        database.ScalarAsTenantAsync(tenantId, """
            INSERT INTO analytics.account_snapshots (tenant_id, social_account_id, day, platform, followers, fetched_at)
            VALUES ($1, $2, $3::date, $4, $5, now())
            """, tenantId, accountId, day, platform, (object?)followers ?? DBNull.Value);
}

using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>Row-level security on the metrics tables, through the app role the host connects as.</summary>
public sealed class AnalyticsTablesIsolationTests
{
    private AnalyticsApp app = null!;
    private Guid tenantA;
    private Guid tenantB;
    private readonly Guid targetA = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new AnalyticsApp();
        tenantA = await app.CreateTenantAsync();
        tenantB = await app.CreateTenantAsync();
        await ExecuteAsync(tenantA, """
            INSERT INTO analytics.tracked_targets (target_id, tenant_id, post_id, social_account_id, platform, platform_post_id, published_at)
            VALUES ($1, $2, gen_random_uuid(), gen_random_uuid(), 'X', '1', now())
            """, targetA, tenantA);
        await ExecuteAsync(tenantA, """
            INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at)
            VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), gen_random_uuid(), 'X', 0, now())
            """, tenantA, targetA);
        await ExecuteAsync(tenantA, """
            INSERT INTO analytics.account_status (tenant_id, social_account_id, state, updated_at) VALUES ($1, gen_random_uuid(), 'Collecting', now())
            """, tenantA);
        await ExecuteAsync(tenantA, """
            INSERT INTO analytics.account_snapshots (tenant_id, social_account_id, day, platform, followers, fetched_at)
            VALUES ($1, gen_random_uuid(), current_date, 'X', 10, now())
            """, tenantA);
        await ExecuteAsync(tenantA, "INSERT INTO analytics.refreshes (tenant_id, refresh_id, requested_at) VALUES ($1, gen_random_uuid(), now())", tenantA);
        await ExecuteAsync(tenantA, "INSERT INTO analytics.rollup_state (tenant_id, time_zone, rolled_up_to) VALUES ($1, 'UTC', now())", tenantA);
        await ExecuteAsync(tenantA, """
            INSERT INTO analytics.daily_rollups (tenant_id, day, hour, social_account_id, platform, targets, rated_targets, impressions, reach, views,
                likes, comments, shares, saves, clicks, rated_engagements, engagement_base)
            VALUES ($1, current_date, 9, gen_random_uuid(), 'X', 1, 1, 10, 0, 0, 1, 0, 0, 0, 0, 1, 10)
            """, tenantA);
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [TestCase("analytics.tracked_targets")]
    [TestCase("analytics.metric_snapshots")]
    [TestCase("analytics.account_status")]
    [TestCase("analytics.account_snapshots")]
    [TestCase("analytics.refreshes")]
    [TestCase("analytics.rollup_state")]
    [TestCase("analytics.daily_rollups")]
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(app.Database, table, tenantA, tenantB);

    [Test]
    public Task Writing_a_snapshot_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB, """
            INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at)
            VALUES (gen_random_uuid(), $1, $2, gen_random_uuid(), gen_random_uuid(), 'X', 1, now())
            """, tenantA, targetA);

    [Test]
    public Task Writing_an_account_snapshot_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB, """
            INSERT INTO analytics.account_snapshots (tenant_id, social_account_id, day, platform, followers, fetched_at)
            VALUES ($1, gen_random_uuid(), current_date, 'X', 10, now())
            """, tenantA);

    [Test]
    public async Task The_latest_metrics_view_shows_another_tenant_nothing()
    {
        (await ExecuteAsync(tenantA, "SELECT count(*) FROM analytics.latest_target_metrics")).ShouldBe(1L);
        (await ExecuteAsync(tenantB, "SELECT count(*) FROM analytics.latest_target_metrics")).ShouldBe(0L);
    }

    [Test]
    public async Task Writing_roll_ups_or_a_refresh_for_another_tenant_is_rejected()
    {
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB,
            "INSERT INTO analytics.refreshes (tenant_id, refresh_id, requested_at) VALUES ($1, gen_random_uuid(), now())", Guid.NewGuid());
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB,
            "INSERT INTO analytics.rollup_state (tenant_id, time_zone, rolled_up_to) VALUES ($1, 'UTC', now())", tenantA);
    }

    private Task<object?> ExecuteAsync(Guid tenant, string sql, params object[] parameters) => app.Database.ScalarAsTenantAsync(tenant, sql, parameters);
}

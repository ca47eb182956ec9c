using System.Text.Json;
using Npgsql;
using Platform.Analytics.Features.Reports;
using Platform.Analytics.Reports;
using Platform.Analytics.Rollups;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>
/// The reports' queries, as the app runs them, use indexes on a few thousand rows of ten tenants: a missing index fails here
/// rather than at a customer's. At this size a scan is cheaper than any index, so the planner is told to avoid scans where
/// it can (enable_seqscan off); a Seq Scan that stays means no index can serve the query.
/// </summary>
public sealed class QueryPlanTests
{
    private static readonly string[] LargeTables = ["metric_snapshots", "tracked_targets", "daily_rollups"];
    private AnalyticsApp app = null!;
    private Guid tenantId;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new AnalyticsApp();
        var tenants = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            tenants.Add(await app.CreateTenantAsync());
        }
        tenantId = tenants[0];
        // 10 tenants x 60 targets x 6 snapshots, published over 90 days; written as the superuser (past RLS) for set-up only.
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO analytics.tracked_targets (target_id, tenant_id, post_id, social_account_id, platform, platform_post_id, published_at)
            SELECT gen_random_uuid(), tenant, gen_random_uuid(), gen_random_uuid(), (ARRAY['X','LinkedIn','TikTok'])[1 + n % 3], n::text,
                   now() - (n % 90) * interval '1 day' - (n % 24) * interval '1 hour'
            FROM unnest($1::uuid[]) AS tenant, generate_series(1, 60) AS n
            """, tenants.ToArray());
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO analytics.metric_snapshots (id, tenant_id, target_id, post_id, social_account_id, platform, slot, fetched_at, impressions, likes)
            SELECT gen_random_uuid(), t.tenant_id, t.target_id, t.post_id, t.social_account_id, t.platform, slot,
                   t.published_at + (slot + 1) * interval '6 hours', 100 * (slot + 1), 5 * slot
            FROM analytics.tracked_targets t, generate_series(0, 5) AS slot
            """);
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO analytics.daily_rollups (tenant_id, day, hour, social_account_id, platform, targets, rated_targets, impressions, reach, views,
                likes, comments, shares, saves, clicks, rated_engagements, engagement_base)
            SELECT t.tenant_id, (t.published_at AT TIME ZONE 'UTC')::date, extract(hour FROM t.published_at)::int, t.social_account_id, t.platform,
                   1, 1, 100, 0, 0, 5, 0, 0, 0, 0, 5, 100
            FROM analytics.tracked_targets t
            """);
        await app.Database.SuperuserScalarAsync("ANALYZE analytics.tracked_targets, analytics.metric_snapshots, analytics.daily_rollups");
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    private ReportFilter Filter(string? platform = null, Guid? account = null) => ReportFilter.Parse(
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-89)), DateOnly.FromDateTime(DateTime.UtcNow), platform, account, TimeZoneInfo.Utc,
        DateOnly.FromDateTime(DateTime.UtcNow), 731);

    [Test]
    public async Task The_overview_and_best_times_read_roll_ups_by_index()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (overview, overviewParameters) = ReportBuckets.RollupQuery(BucketGrain<DayBucket>.DayAndAccount, tenantId, Filter("x", Guid.NewGuid()), today);
        var (bestTimes, bestTimesParameters) = ReportBuckets.RollupQuery(BucketGrain<SlotBucket>.PlatformWeekdayHour, tenantId, Filter(), today);

        (await ScannedTablesAsync(overview, overviewParameters)).ShouldBeEmpty();
        (await ScannedTablesAsync(bestTimes, bestTimesParameters)).ShouldBeEmpty();
    }

    [Test]
    public async Task The_live_part_finds_targets_and_their_latest_snapshot_by_index()
    {
        // The live part is today's (or the few days the roll-ups are behind).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var filter = ReportFilter.Parse(today.AddDays(-2), today, null, null, TimeZoneInfo.Utc, today, 731);
        var (sql, parameters) = ReportBuckets.LiveQuery(BucketGrain<DayBucket>.DayAndAccount, tenantId, filter, filter.Start);

        (await ScannedTablesAsync(sql, parameters)).ShouldBeEmpty();
        var indexes = await IndexesUsedAsync(sql, parameters);
        indexes.ShouldContain("analytics_tracked_targets_published_idx");
        indexes.ShouldContain("analytics_metric_snapshots_target_latest_idx");
    }

    [Test]
    public async Task Top_posts_and_the_export_use_indexes()
    {
        var (top, topParameters) = TopPostsEndpoint.Query(tenantId, Filter(), ReportMetric.EngagementRate, 10);
        var (export, exportParameters) = ExportEndpoint.Query(tenantId, Filter());

        (await ScannedTablesAsync(top, topParameters.ToArray())).ShouldBeEmpty();
        (await ScannedTablesAsync(export, exportParameters.ToArray())).ShouldBeEmpty();
    }

    [Test]
    public async Task The_incremental_roll_up_finds_new_snapshots_by_index()
    {
        var sql = RollupJob.UpdateTouchedHours;
        NpgsqlParameter[] parameters = [ReportBuckets.Uuid(tenantId), ReportBuckets.Text("UTC"), ReportBuckets.Instant(DateTimeOffset.UtcNow.AddHours(-1))];

        (await ScannedTablesAsync(sql, parameters)).ShouldBeEmpty();
    }

    /// <summary>The large tables the plan reads with a Seq Scan, as the app role in the tenant's transaction.</summary>
    private async Task<List<string>> ScannedTablesAsync(string sql, NpgsqlParameter[] parameters) =>
        (await PlanAsync(sql, parameters)).Where(node => node.Type == "Seq Scan" && LargeTables.Contains(node.Relation)).Select(node => node.Relation!).ToList();

    private async Task<List<string>> IndexesUsedAsync(string sql, NpgsqlParameter[] parameters) =>
        (await PlanAsync(sql, parameters)).Select(node => node.Index).OfType<string>().ToList();

    private async Task<List<(string? Type, string? Relation, string? Index)>> PlanAsync(string sql, NpgsqlParameter[] parameters)
    {
        await using var connection = app.Database.OpenApp();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var enter = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, true), set_config('enable_seqscan', 'off', true)", connection, transaction))
        {
            enter.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
            await enter.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }
        var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        await transaction.RollbackAsync();
        var nodes = new List<(string?, string?, string?)>();
        Collect(plan.RootElement, nodes);
        return nodes;
    }

    private static void Collect(JsonElement node, List<(string? Type, string? Relation, string? Index)> nodes)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Collect(item, nodes);
            }
            return;
        }
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (node.TryGetProperty("Node Type", out var type))
        {
            nodes.Add((type.GetString(), node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
                node.TryGetProperty("Index Name", out var index) ? index.GetString() : null));
        }
        foreach (var property in node.EnumerateObject())
        {
            Collect(property.Value, nodes);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Rollups;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>The reports through HTTP: what they count, in which day, from roll-ups or live, and what they refuse.</summary>
public sealed class ReportsTests
{
    private AnalyticsApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AnalyticsApp();

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task The_overview_sums_each_targets_latest_figures_by_platform_account_and_day()
    {
        var owner = await app.RegisterAsync();
        var xAccount = Guid.NewGuid();
        var linkedIn = Guid.NewGuid();
        var first = await app.Database.TargetAsync(owner.TenantId, At("2026-11-02T10:00:00Z"), "X", accountId: xAccount);
        await app.Database.SnapshotAsync(owner.TenantId, first, 0, At("2026-11-02T11:00:00Z"), impressions: 50, likes: 1);
        await app.Database.SnapshotAsync(owner.TenantId, first, 1, At("2026-11-02T16:00:00Z"), impressions: 100, likes: 6, comments: 2, shares: 1, saves: 1);
        var second = await app.Database.TargetAsync(owner.TenantId, At("2026-11-04T09:00:00Z"), "LinkedIn", accountId: linkedIn);
        await app.Database.SnapshotAsync(owner.TenantId, second, 0, At("2026-11-04T10:00:00Z"), impressions: 300, likes: 10, comments: 5);
        // A platform without impressions is rated per view.
        var third = await app.Database.TargetAsync(owner.TenantId, At("2026-11-04T12:00:00Z"), "TikTok");
        await app.Database.SnapshotAsync(owner.TenantId, third, 0, At("2026-11-04T13:00:00Z"), views: 200, likes: 20);
        var outside = await app.Database.TargetAsync(owner.TenantId, At("2026-11-06T12:00:00Z"), "X", accountId: xAccount);
        await app.Database.SnapshotAsync(owner.TenantId, outside, 0, At("2026-11-06T13:00:00Z"), impressions: 999);

        var overview = await GetAsync(owner, "/api/v1/analytics/overview?from=2026-11-01&to=2026-11-05");

        var totals = overview.GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(3);
        totals.GetProperty("impressions").GetInt64().ShouldBe(400);
        totals.GetProperty("likes").GetInt64().ShouldBe(36);
        totals.GetProperty("engagements").GetInt64().ShouldBe(45);
        // (10 + 15 + 20) / (100 + 300 + 200)
        totals.GetProperty("engagementRate").GetDouble().ShouldBe(0.075, 0.000001);
        overview.GetProperty("platforms").EnumerateArray().Select(p => p.GetProperty("platform").GetString()).ShouldBe(["LinkedIn", "TikTok", "X"]);
        var xTotals = overview.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("accountId").GetGuid() == xAccount).GetProperty("totals");
        xTotals.GetProperty("impressions").GetInt64().ShouldBe(100);
        var days = overview.GetProperty("days").EnumerateArray().ToList();
        days.Select(d => d.GetProperty("day").GetString()).ShouldBe(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"]);
        days.Select(d => d.GetProperty("totals").GetProperty("targets").GetInt32()).ShouldBe([0, 1, 0, 2, 0]);

        var onlyX = await GetAsync(owner, "/api/v1/analytics/overview?from=2026-11-01&to=2026-11-30&platform=x");
        onlyX.GetProperty("totals").GetProperty("impressions").GetInt64().ShouldBe(1099);
        var oneAccount = await GetAsync(owner, $"/api/v1/analytics/overview?from=2026-11-01&to=2026-11-30&accountId={linkedIn}");
        oneAccount.GetProperty("totals").GetProperty("targets").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task Days_and_hours_are_the_tenants_across_a_daylight_saving_change_live_and_from_roll_ups()
    {
        var owner = await app.RegisterAsync();
        (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "Europe/Berlin" } })).EnsureSuccessStatusCode();
        // Berlin leaves summer time on 2026-10-25 at 03:00 (UTC+2 -> UTC+1).
        foreach (var published in new[] { "2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z" })
        {
            var target = await app.Database.TargetAsync(owner.TenantId, At(published));
            await app.Database.SnapshotAsync(owner.TenantId, target, 0, At(published).AddHours(1), impressions: 10, likes: 1);
        }

        await AssertBerlinDaysAsync(owner);
        (await RollUpAsync(owner.TenantId)).ShouldBe(RollupOutcome.Rebuilt);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT sum(targets) FROM analytics.daily_rollups")).ShouldBe(3L);
        await AssertBerlinDaysAsync(owner);
    }

    [Test]
    public async Task Each_account_shows_its_latest_followers_in_the_range_and_their_change_and_null_without_counts()
    {
        var owner = await app.RegisterAsync();
        var x = Guid.NewGuid();
        var linkedIn = Guid.NewGuid();
        var youTube = Guid.NewGuid();
        await app.Database.AccountSnapshotAsync(owner.TenantId, x, "X", "2026-10-31", 90);
        await app.Database.AccountSnapshotAsync(owner.TenantId, x, "X", "2026-11-01", 100);
        await app.Database.AccountSnapshotAsync(owner.TenantId, x, "X", "2026-11-03", 130);
        await app.Database.AccountSnapshotAsync(owner.TenantId, x, "X", "2026-11-04", null);
        await app.Database.AccountSnapshotAsync(owner.TenantId, x, "X", "2026-11-06", 999);
        await app.Database.AccountSnapshotAsync(owner.TenantId, youTube, "YouTube", "2026-11-02", 40);
        await app.Database.AccountSnapshotAsync(owner.TenantId, youTube, "YouTube", "2026-11-05", 35);
        var target = await app.Database.TargetAsync(owner.TenantId, At("2026-11-02T10:00:00Z"), "LinkedIn", accountId: linkedIn);
        await app.Database.SnapshotAsync(owner.TenantId, target, 0, At("2026-11-02T11:00:00Z"), impressions: 50, likes: 2);

        var overview = await GetAsync(owner, "/api/v1/analytics/overview?from=2026-11-01&to=2026-11-05");

        var accounts = overview.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("accountId").GetGuid());
        accounts.Keys.ShouldBe([linkedIn, x, youTube], ignoreOrder: true);
        // The unknown count of the 4th is skipped: the latest day with a count is the 3rd.
        accounts[x].GetProperty("followers").GetInt64().ShouldBe(130);
        accounts[x].GetProperty("followersChange").GetInt64().ShouldBe(30);
        accounts[x].GetProperty("totals").GetProperty("targets").GetInt32().ShouldBe(0);
        accounts[youTube].GetProperty("followersChange").GetInt64().ShouldBe(-5);
        accounts[linkedIn].GetProperty("followers").ValueKind.ShouldBe(JsonValueKind.Null);
        accounts[linkedIn].GetProperty("followersChange").ValueKind.ShouldBe(JsonValueKind.Null);
        accounts[linkedIn].GetProperty("totals").GetProperty("likes").GetInt64().ShouldBe(2);

        var onlyYouTube = await GetAsync(owner, "/api/v1/analytics/overview?from=2026-11-01&to=2026-11-05&platform=youtube");
        onlyYouTube.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("accountId").GetGuid()).ShouldBe([youTube]);
        var oneAccount = await GetAsync(owner, $"/api/v1/analytics/overview?from=2026-11-01&to=2026-11-02&accountId={x}");
        oneAccount.GetProperty("accounts").EnumerateArray().Single().GetProperty("followersChange").GetInt64().ShouldBe(0);
        var stranger = await app.RegisterAsync();
        (await GetAsync(stranger, "/api/v1/analytics/overview?from=2026-11-01&to=2026-11-05")).GetProperty("accounts").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task The_openapi_document_describes_followers_and_their_change_per_account()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var account = document.GetProperty("components").GetProperty("schemas").GetProperty("AccountTotals").GetProperty("properties");
        foreach (var name in new[] { "followers", "followersChange" })
        {
            account.GetProperty(name).GetProperty("format").GetString().ShouldBe("int64", name);
        }
        var description = document.GetProperty("paths").GetProperty("/api/v1/analytics/overview").GetProperty("get").GetProperty("description").GetString();
        description.ShouldNotBeNull();
        description.ShouldContain("followersChange");
    }

    private async Task AssertBerlinDaysAsync(TestAccount owner)
    {
        var overview = await GetAsync(owner, "/api/v1/analytics/overview?from=2026-10-24&to=2026-10-26");
        overview.GetProperty("timeZone").GetString().ShouldBe("Europe/Berlin");
        // 00:30 CEST and 23:30 CET are both on the 25th; 00:30 CET is on the 26th. In UTC they would fall on the 24th and 25th.
        overview.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("totals").GetProperty("targets").GetInt32()).ShouldBe([0, 2, 1]);
        var bestTimes = await GetAsync(owner, "/api/v1/analytics/best-times?from=2026-10-24&to=2026-10-26&minPosts=1");
        var grid = bestTimes.GetProperty("platforms")[0].GetProperty("grid").EnumerateArray()
            .Select(s => (s.GetProperty("weekday").GetString(), s.GetProperty("hour").GetInt32(), s.GetProperty("posts").GetInt32())).ToList();
        grid.ShouldBe([("Sunday", 0, 1), ("Sunday", 23, 1), ("Monday", 0, 1)]);
    }

    [Test]
    public async Task Past_days_come_from_the_roll_ups_which_a_new_snapshot_updates_incrementally_while_today_is_live()
    {
        var owner = await app.RegisterAsync();
        var old = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddDays(-10));
        await app.Database.SnapshotAsync(owner.TenantId, old, 0, DateTimeOffset.UtcNow.AddDays(-10).AddHours(1), impressions: 100, likes: 5);
        (await RollUpAsync(owner.TenantId)).ShouldBe(RollupOutcome.Rebuilt);
        await app.Database.SnapshotAsync(owner.TenantId, old, 1, DateTimeOffset.UtcNow, impressions: 400, likes: 30);
        var today = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow);
        await app.Database.SnapshotAsync(owner.TenantId, today, 0, DateTimeOffset.UtcNow, impressions: 7);

        var before = (await GetAsync(owner, "/api/v1/analytics/overview")).GetProperty("totals");

        // The past day is as rolled up (the new snapshot is not summed yet); today's target counts at once.
        before.GetProperty("impressions").GetInt64().ShouldBe(107);
        (await RollUpAsync(owner.TenantId)).ShouldBe(RollupOutcome.Updated);
        (await GetAsync(owner, "/api/v1/analytics/overview")).GetProperty("totals").GetProperty("impressions").GetInt64().ShouldBe(407);
    }

    [Test]
    public async Task The_roll_up_part_of_a_report_is_kept_until_the_roll_ups_move_on()
    {
        var owner = await app.RegisterAsync();
        var old = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddDays(-10));
        await app.Database.SnapshotAsync(owner.TenantId, old, 0, DateTimeOffset.UtcNow.AddDays(-10).AddHours(1), impressions: 100, likes: 5);
        (await RollUpAsync(owner.TenantId)).ShouldBe(RollupOutcome.Rebuilt);
        (await GetAsync(owner, "/api/v1/analytics/overview")).GetProperty("totals").GetProperty("impressions").GetInt64().ShouldBe(100);
        (await GetAsync(owner, "/api/v1/analytics/best-times")).GetProperty("platforms")[0].GetProperty("grid")[0].GetProperty("posts").GetInt32().ShouldBe(1);

        // Changed behind the watermark's back: the reports still answer from what they read at this watermark.
        await app.Database.ScalarAsTenantAsync(owner.TenantId,
            "UPDATE analytics.daily_rollups SET impressions = 999, rated_targets = 2, targets = 2 WHERE tenant_id = $1", owner.TenantId);
        (await GetAsync(owner, "/api/v1/analytics/overview")).GetProperty("totals").GetProperty("impressions").GetInt64().ShouldBe(100);
        (await GetAsync(owner, "/api/v1/analytics/best-times")).GetProperty("platforms")[0].GetProperty("grid")[0].GetProperty("posts").GetInt32().ShouldBe(1);

        // A roll-up moves the watermark in the same transaction as the roll-ups; the next report reads them again.
        await app.Database.ScalarAsTenantAsync(owner.TenantId,
            "UPDATE analytics.rollup_state SET rolled_up_to = rolled_up_to + interval '1 second' WHERE tenant_id = $1", owner.TenantId);
        (await GetAsync(owner, "/api/v1/analytics/overview")).GetProperty("totals").GetProperty("impressions").GetInt64().ShouldBe(999);
        (await GetAsync(owner, "/api/v1/analytics/best-times")).GetProperty("platforms")[0].GetProperty("grid")[0].GetProperty("posts").GetInt32().ShouldBe(2);
    }

    [Test]
    public async Task Top_posts_rank_by_a_metric_or_by_engagement_rate()
    {
        var owner = await app.RegisterAsync();
        var popular = Guid.NewGuid();
        var engaging = Guid.NewGuid();
        var a = await app.Database.TargetAsync(owner.TenantId, At("2026-11-10T10:00:00Z"), postId: popular);
        await app.Database.SnapshotAsync(owner.TenantId, a, 0, At("2026-11-10T11:00:00Z"), impressions: 1000, likes: 40);
        var b = await app.Database.TargetAsync(owner.TenantId, At("2026-11-10T10:00:00Z"), "LinkedIn", postId: popular);
        await app.Database.SnapshotAsync(owner.TenantId, b, 0, At("2026-11-10T11:00:00Z"), impressions: 1000, likes: 20);
        var c = await app.Database.TargetAsync(owner.TenantId, At("2026-11-11T10:00:00Z"), postId: engaging);
        await app.Database.SnapshotAsync(owner.TenantId, c, 0, At("2026-11-11T11:00:00Z"), impressions: 100, likes: 30);

        var byLikes = await GetAsync(owner, "/api/v1/analytics/top-posts?from=2026-11-01&to=2026-11-30&metric=likes");
        var byRate = await GetAsync(owner, "/api/v1/analytics/top-posts?from=2026-11-01&to=2026-11-30");

        byLikes.GetProperty("metric").GetString().ShouldBe("Likes");
        byLikes.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("postId").GetGuid()).ShouldBe([popular, engaging]);
        byLikes.GetProperty("posts")[0].GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).ShouldBe(["X", "LinkedIn"]);
        byRate.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("postId").GetGuid()).ShouldBe([engaging, popular]);
        byRate.GetProperty("posts")[0].GetProperty("totals").GetProperty("engagementRate").GetDouble().ShouldBe(0.3, 0.000001);
    }

    [Test]
    public async Task A_posts_analytics_show_each_targets_latest_figures_and_history_and_another_tenants_post_is_not_found()
    {
        var owner = await app.RegisterAsync();
        var stranger = await app.RegisterAsync();
        var postId = Guid.NewGuid();
        var target = await app.Database.TargetAsync(owner.TenantId, At("2026-11-10T10:00:00Z"), postId: postId);
        await app.Database.SnapshotAsync(owner.TenantId, target, 1, At("2026-11-10T16:00:00Z"), impressions: 80, likes: 8);
        await app.Database.SnapshotAsync(owner.TenantId, target, 0, At("2026-11-10T11:00:00Z"), impressions: 20, likes: 1);

        var post = await GetAsync(owner, $"/api/v1/analytics/posts/{postId}");

        var only = post.GetProperty("targets").EnumerateArray().Single();
        only.GetProperty("latest").GetProperty("impressions").GetInt64().ShouldBe(80);
        only.GetProperty("engagementRate").GetDouble().ShouldBe(0.1, 0.000001);
        only.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("slot").GetInt32()).ShouldBe([0, 1]);
        var foreign = await stranger.Client.GetAsync($"/api/v1/analytics/posts/{postId}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task The_export_is_one_rfc_4180_row_per_target_with_formula_like_text_defused()
    {
        var owner = await app.RegisterAsync();
        var postId = Guid.NewGuid();
        var target = await app.Database.TargetAsync(owner.TenantId, At("2026-11-10T10:00:00Z"), postId: postId, platformPostId: "=HYPERLINK(\"http://evil\")");
        await app.Database.SnapshotAsync(owner.TenantId, target, 0, At("2026-11-10T11:00:00Z"), impressions: 40, likes: 4);
        await app.Database.TargetAsync(owner.TenantId, At("2026-11-10T12:00:00Z"), platformPostId: "no snapshot yet");

        var response = await owner.Client.GetAsync("/api/v1/analytics/export.csv?from=2026-11-10&to=2026-11-10");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        lines[0].ShouldBe("post_id,target_id,platform,account_id,platform_post_id,published_at,fetched_at,impressions,reach,views,likes,comments,shares,saves,clicks,engagement_rate");
        lines[1].ShouldStartWith($"{postId},{target},X,");
        lines[1].ShouldContain(",\"'=HYPERLINK(\"\"http://evil\"\")\",2026-11-10T10:00:00+00:00,2026-11-10T11:00:00Z,40,,,4,,,,,0.1");
        lines[2].ShouldBe("");
        lines.Length.ShouldBe(3);
    }

    [TestCase("from=2026-11-05&to=2026-11-01", 400)]
    [TestCase("from=2024-01-01&to=2026-01-01", 400)]
    [TestCase("from=2026-13-01", 400)]
    [TestCase("from=yesterday", 400)]
    [TestCase("platform=myspace", 400)]
    [TestCase("accountId=not-a-uuid", 400)]
    public async Task Bad_report_queries_are_problems(string query, int status)
    {
        var owner = await app.RegisterAsync();
        foreach (var report in new[] { "overview", "best-times", "top-posts", "export.csv" })
        {
            var response = await owner.Client.GetAsync($"/api/v1/analytics/{report}?{query}");
            ((int)response.StatusCode).ShouldBe(status, $"{report}?{query}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [TestCase("metric=loves")]
    [TestCase("metric=1")]
    [TestCase("limit=0")]
    public async Task Top_posts_refuse_an_unknown_metric_or_a_bad_limit(string query)
    {
        var owner = await app.RegisterAsync();

        var response = await owner.Client.GetAsync($"/api/v1/analytics/top-posts?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private Task<RollupOutcome> RollUpAsync(Guid tenantId)
    {
        var job = app.Services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<RollupJob>();
        return job.RollUpAsync(tenantId, CancellationToken.None);
    }

    private static async Task<JsonElement> GetAsync(TestAccount account, string path)
    {
        var response = await account.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
}

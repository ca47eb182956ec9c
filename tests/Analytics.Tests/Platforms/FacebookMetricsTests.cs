using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// Facebook Page metrics collected end to end: a Page post published on a server written from Meta's documentation (see
/// <see cref="FacebookServer"/>), its post insights read by the analytics collection through our Facebook client with the
/// Page token; a grant without read_insights and a throttled Page leave their reason on the account's analytics status.
/// </summary>
public sealed class FacebookMetricsTests
{
    private FacebookServer server = null!;
    private PlatformMetricsApp app = null!;
    private PlatformMetricsApp withoutInsights = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new FacebookServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.Facebook, server);
        withoutInsights = new PlatformMetricsApp(SocialPlatform.Facebook, server, new Dictionary<string, string?>
        {
            ["Platforms:Facebook:Scopes"] = "pages_show_list,pages_manage_posts,pages_read_engagement,publish_video",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await withoutInsights.DisposeAsync();
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => server.Faults.Clear();

    private static async Task<(TestAccount Owner, Guid Account, Guid Target, string PostId)> PublishedTargetAsync(PlatformMetricsApp host)
    {
        var owner = await host.RegisterAsync();
        var account = await host.ConnectAsync(owner, SocialPlatform.Facebook);
        var post = await host.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}"));
        var target = await host.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "Facebook", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_posts_insights_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, postId) = await PublishedTargetAsync(app);
        server.Insights.Set(postId, "post_impressions", 3100L).Set(postId, "post_total_media_view_unique", 2050L).Set(postId, "post_clicks", 44L);
        server.Engagement[postId] = new FacebookEngagement(Shares: 7, Comments: 19, Reactions: 88);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("impressions").GetInt64().ShouldBe(3100);
        snapshot.GetProperty("reach").GetInt64().ShouldBe(2050);
        snapshot.GetProperty("clicks").GetInt64().ShouldBe(44);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(88);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(19);
        snapshot.GetProperty("shares").GetInt64().ShouldBe(7);
        foreach (var none in new[] { "views", "saves" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("impressions").GetInt64().ShouldBe(3100);
        totals.GetProperty("likes").GetInt64().ShouldBe(88);
    }

    [Test]
    public async Task A_post_never_shared_has_unknown_shares_not_zero()
    {
        var (owner, _, target, postId) = await PublishedTargetAsync(app);
        server.Engagement[postId] = new FacebookEngagement(Shares: 0, Comments: 2, Reactions: 5);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(5);
        snapshot.GetProperty("shares").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        // No insights reported yet: unknown as well.
        snapshot.GetProperty("impressions").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public async Task A_grant_without_read_insights_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(withoutInsights);

        (await withoutInsights.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await withoutInsights.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString()!.ShouldContain("read_insights");
    }

    [Test]
    public async Task A_throttled_page_leaves_a_reason_and_the_fetch_is_retried_later()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(app);
        server.Faults.RateLimit(FacebookServer.Steps.PostInsights, TimeSpan.FromMinutes(5));

        var refused = await Should.ThrowAsync<PlatformException>(() => app.FetchAsync(owner.TenantId, target, 0));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.RateLimited));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();
    }

    [Test]
    public async Task The_server_refuses_deprecated_and_missing_post_metrics()
    {
        var (_, _, _, postId) = await PublishedTargetAsync(app);
        var pageToken = server.Grants.Issue(server.PageId, ["pages_read_engagement", "read_insights"]).AccessToken;

        var deprecated = await ServerCalls.GetAsync($"{server.Url}/v25.0/{postId}/insights?metric=post_impressions,post_impressions_unique", pageToken);
        deprecated.Status.ShouldBe(400);
        ServerCalls.GraphCode(deprecated.Body).ShouldBe(100);
        var none = await ServerCalls.GetAsync($"{server.Url}/v25.0/{postId}/insights", pageToken);
        ServerCalls.GraphCode(none.Body).ShouldBe(3001);
        (await ServerCalls.GetAsync($"{server.Url}/v25.0/{postId}/insights?metric=post_impressions", pageToken)).Status.ShouldBe(200);
    }
}

using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// Instagram metrics collected end to end: an image published through containers on a server written from Meta's
/// documentation (see <see cref="InstagramServer"/>), its media insights read by the analytics collection through our
/// Instagram client; a grant without instagram_manage_insights and a withdrawn token leave their reason on the account's
/// analytics status.
/// </summary>
public sealed class InstagramMetricsTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7];
    private InstagramServer server = null!;
    private PlatformMetricsApp app = null!;
    private PlatformMetricsApp withoutInsights = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new InstagramServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.Instagram, server);
        withoutInsights = new PlatformMetricsApp(SocialPlatform.Instagram, server, new Dictionary<string, string?>
        {
            ["Platforms:Instagram:Scopes"] = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement",
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

    private async Task<(TestAccount Owner, Guid Account, Guid Target, string MediaId)> PublishedTargetAsync(PlatformMetricsApp host)
    {
        var owner = await host.RegisterAsync();
        var account = await host.ConnectAsync(owner, SocialPlatform.Instagram);
        var image = new MediaItem(server.HostMedia($"{Guid.NewGuid():N}.jpg", Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length);
        var post = await host.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}", [image]));
        var target = await host.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "Instagram", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_medias_insights_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, mediaId) = await PublishedTargetAsync(app);
        server.Insights.Set(mediaId, "views", 1500L).Set(mediaId, "reach", 900L).Set(mediaId, "likes", 70L).Set(mediaId, "comments", 12L)
            .Set(mediaId, "shares", 5L).Set(mediaId, "saved", 8L).Set(mediaId, "total_interactions", 95L);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("views").GetInt64().ShouldBe(1500);
        snapshot.GetProperty("reach").GetInt64().ShouldBe(900);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(70);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(12);
        snapshot.GetProperty("shares").GetInt64().ShouldBe(5);
        snapshot.GetProperty("saves").GetInt64().ShouldBe(8);
        // Media insights have no impressions (views replaced them) and no clicks.
        foreach (var none in new[] { "impressions", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("likes").GetInt64().ShouldBe(70);
    }

    [Test]
    public async Task Insights_instagram_does_not_report_stay_unknown()
    {
        var (owner, _, target, mediaId) = await PublishedTargetAsync(app);
        server.Insights.Set(mediaId, "likes", 3L);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(3);
        foreach (var none in new[] { "views", "reach", "comments", "shares", "saves" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
    }

    [Test]
    public async Task A_grant_without_instagram_manage_insights_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(withoutInsights);

        (await withoutInsights.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await withoutInsights.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString()!.ShouldContain("instagram_manage_insights");
    }

    [Test]
    public async Task A_withdrawn_token_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(app);
        server.Faults.InvalidateTokens();

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBeOneOf(nameof(PlatformErrorKind.TokenRevoked), nameof(PlatformErrorKind.TokenExpired));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task The_server_refuses_metrics_instagram_no_longer_reports_for_the_media()
    {
        var (_, _, _, mediaId) = await PublishedTargetAsync(app);
        var token = server.Grants.Issue(server.InstagramUserId, ["instagram_basic", "instagram_manage_insights", "pages_read_engagement"]).AccessToken;

        // impressions is gone for media created after 2024-07-02; reel metrics are not an image's.
        foreach (var refused in new[] { "impressions", "views,video_views", "ig_reels_avg_watch_time" })
        {
            var answer = await ServerCalls.GetAsync($"{server.Url}/v25.0/{mediaId}/insights?metric={refused}", token);
            answer.Status.ShouldBe(400, refused);
            ServerCalls.GraphCode(answer.Body).ShouldBe(100, refused);
        }
        (await ServerCalls.GetAsync($"{server.Url}/v25.0/{mediaId}/insights?metric=views", token)).Status.ShouldBe(200);
    }
}

using System.Text.Json;
using Platform.PlatformServers.TikTok;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// TikTok metrics collected end to end: a video posted to a server written from TikTok's documentation (see
/// <see cref="TikTokServer"/>), its counts read with POST /v2/video/query/ by the analytics collection through our TikTok
/// client; a withdrawn token and a 429 with Retry-After leave their reason on the account's analytics status.
/// </summary>
public sealed class TikTokMetricsTests
{
    private TikTokServer server = null!;
    private PlatformMetricsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new TikTokServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.TikTok, server);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => server.Faults.Clear();

    private async Task<(TestAccount Owner, Guid Account, Guid Target, string PostId)> PublishedTargetAsync()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.TikTok);
        var video = new byte[256 * 1024];
        new Random(11).NextBytes(video);
        var text = $"Metrics {Guid.NewGuid():N}";
        var post = await app.PublishAsync(owner.TenantId, account, new PostContent(text,
            [new MediaItem(server.HostMedia($"{Guid.NewGuid():N}.mp4", video, "video/mp4"), MediaKind.Video, "video/mp4", video.Length, DurationSeconds: 12)],
            PrivacyLevel: "PUBLIC_TO_EVERYONE"));
        var target = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "TikTok", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_videos_counts_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, postId) = await PublishedTargetAsync();
        server.Publishes.ShouldContain(p => p.PostId == postId);
        server.Counts[postId] = new TikTokVideoCounts(LikeCount: 640, CommentCount: 31, ShareCount: 22, ViewCount: 12_800);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("views").GetInt64().ShouldBe(12_800);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(640);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(31);
        snapshot.GetProperty("shares").GetInt64().ShouldBe(22);
        // The Video object has no impressions, reach, saves or clicks.
        foreach (var none in new[] { "impressions", "reach", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("likes").GetInt64().ShouldBe(640);
    }

    [Test]
    public async Task A_withdrawn_token_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync();
        server.Faults.InvalidateTokens();

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBeOneOf(nameof(PlatformErrorKind.TokenRevoked), nameof(PlatformErrorKind.TokenExpired));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task A_rate_limit_leaves_a_reason_and_the_fetch_is_retried_later()
    {
        var (owner, account, target, _) = await PublishedTargetAsync();
        server.Faults.RateLimit(TikTokServer.Steps.VideoQuery, TimeSpan.FromMinutes(1));

        var refused = await Should.ThrowAsync<PlatformException>(() => app.FetchAsync(owner.TenantId, target, 0));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.RateLimited));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        server.Faults.Clear();
        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();
    }

    [Test]
    public async Task The_server_refuses_unknown_fields_and_more_than_twenty_ids()
    {
        var (_, _, _, postId) = await PublishedTargetAsync();
        var token = server.Grants.Issue(server.OpenId, ["user.info.basic", "video.list"]).AccessToken;
        var one = JsonSerializer.Serialize(new { filters = new { video_ids = new[] { postId } } });

        var unknown = await ServerCalls.SendAsync(HttpMethod.Post, $"{server.Url}/v2/video/query/?fields=id,play_count", token, one);
        unknown.Status.ShouldBe(400);
        unknown.Body.GetProperty("error").GetProperty("code").GetString().ShouldBe("invalid_params");
        var many = JsonSerializer.Serialize(new { filters = new { video_ids = Enumerable.Range(1, 21).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)) } });
        (await ServerCalls.SendAsync(HttpMethod.Post, $"{server.Url}/v2/video/query/?fields=id,view_count", token, many)).Status.ShouldBe(400);
        var found = await ServerCalls.SendAsync(HttpMethod.Post, $"{server.Url}/v2/video/query/?fields=id,view_count", token, one);
        found.Status.ShouldBe(200);
        found.Body.GetProperty("data").GetProperty("videos")[0].GetProperty("id").GetString().ShouldBe(postId);
    }

    [Test]
    public async Task A_grant_without_user_info_stats_leaves_the_missing_scope_as_the_accounts_analytics_reason()
    {
        await using var withoutStats = new PlatformMetricsApp(SocialPlatform.TikTok, server, new Dictionary<string, string?>
        {
            ["Platforms:TikTok:Scopes"] = "user.info.basic,video.publish,video.list",
        });
        var owner = await withoutStats.RegisterAsync();
        var account = await withoutStats.ConnectAsync(owner, SocialPlatform.TikTok);

        (await withoutStats.CollectAccountsAsync(owner.TenantId)).ShouldBe(0);

        var status = await withoutStats.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString()!.ShouldContain("scope_not_authorized");
        (await withoutStats.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM analytics.account_snapshots")).ShouldBe(0L);
    }
}

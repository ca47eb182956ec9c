using Platform.PlatformServers.X;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// X metrics collected end to end: a post published on a server written from X's documentation (see <see cref="XServer"/>),
/// fetched by the analytics collection through our X client, stored as a snapshot; and X's refusals left as the account's
/// analytics status with a readable reason.
/// </summary>
public sealed class XMetricsTests
{
    private XServer server = null!;
    private PlatformMetricsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new XServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.X, server);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => server.Faults.Clear();

    private async Task<(Guid Tenant, Guid Account, Guid Target, string PostId)> PublishedTargetAsync()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.X);
        var post = await app.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}"));
        var target = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "X", accountId: account, platformPostId: post.PlatformPostId);
        return (owner.TenantId, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_posts_public_metrics_are_stored_as_its_snapshot()
    {
        var (tenant, account, target, postId) = await PublishedTargetAsync();
        server.Metrics[postId] = new XPublicMetrics(RetweetCount: 3, ReplyCount: 4, LikeCount: 25, QuoteCount: 2, BookmarkCount: 6, ImpressionCount: 1200);

        (await app.FetchAsync(tenant, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(tenant, target, 0);
        snapshot.GetProperty("impressions").GetInt64().ShouldBe(1200);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(25);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(4);
        // Reposts and quotes both spread the post.
        snapshot.GetProperty("shares").GetInt64().ShouldBe(5);
        snapshot.GetProperty("others").GetProperty("bookmark_count").GetInt64().ShouldBe(6);
        // X's public metrics have no reach, views, saves or clicks.
        foreach (var none in new[] { "reach", "views", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(tenant, account)).GetProperty("state").GetString().ShouldBe("Collecting");
    }

    [Test]
    public async Task A_posts_analytics_answer_its_collected_figures()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.X);
        var post = await app.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}"));
        var postId = Guid.NewGuid();
        var target = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "X", postId: postId, accountId: account,
            platformPostId: post.PlatformPostId);
        server.Metrics[post.PlatformPostId] = new XPublicMetrics(RetweetCount: 1, ReplyCount: 2, LikeCount: 9, QuoteCount: 0, BookmarkCount: 3, ImpressionCount: 300);
        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var answer = await owner.Client.GetAsync($"/api/v1/analytics/posts/{postId}");

        var body = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        var latest = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("targets")[0].GetProperty("latest");
        latest.GetProperty("likes").GetInt64().ShouldBe(9);
        latest.GetProperty("others").GetProperty("bookmark_count").GetInt64().ShouldBe(3);
    }

    [Test]
    public async Task A_withdrawn_token_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (tenant, account, target, _) = await PublishedTargetAsync();
        server.Faults.InvalidateTokens();

        (await app.FetchAsync(tenant, target, 0)).ShouldBeFalse();

        var status = await app.StatusAsync(tenant, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBeOneOf(nameof(PlatformErrorKind.TokenRevoked), nameof(PlatformErrorKind.TokenExpired));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task A_rate_limit_leaves_a_reason_and_the_fetch_is_retried_later()
    {
        var (tenant, account, target, _) = await PublishedTargetAsync();
        server.Faults.RateLimit(XServer.Steps.Lookup, TimeSpan.FromMinutes(15));

        var refused = await Should.ThrowAsync<PlatformException>(() => app.FetchAsync(tenant, target, 0));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        var status = await app.StatusAsync(tenant, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.RateLimited));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        // The next run of the fetch (Hangfire's retry), once X answers again, stores the slot.
        server.Faults.Clear();
        (await app.FetchAsync(tenant, target, 0)).ShouldBeTrue();
    }

    [Test]
    public async Task The_daily_sweep_collects_the_followers_of_a_tenant_that_never_published_and_the_overview_shows_them()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.X);
        server.Followers.Set(server.UserId, 2048);

        (await app.SweepAccountsAsync()).ShouldContain(owner.TenantId);
        // The queued job, run as Hangfire runs it: in a scope of the tenant its arguments carry.
        (await app.CollectAccountsAsync(owner.TenantId)).ShouldBe(1);

        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT followers FROM analytics.account_snapshots WHERE social_account_id = $1", account))
            .ShouldBe(2048L);
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var listed = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("accounts").EnumerateArray()
            .Single(a => a.GetProperty("accountId").GetGuid() == account);
        listed.GetProperty("followers").GetInt64().ShouldBe(2048);
        listed.GetProperty("followersChange").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task A_rate_limited_follower_lookup_leaves_its_reason_and_fails_the_collection_for_a_retry()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.X);
        server.Faults.RateLimit(XServer.Steps.Me, TimeSpan.FromMinutes(15));

        (await Should.ThrowAsync<PlatformException>(() => app.CollectAccountsAsync(owner.TenantId))).Kind.ShouldBe(PlatformErrorKind.RateLimited);

        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.RateLimited));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        server.Faults.Clear();
        (await app.CollectAccountsAsync(owner.TenantId)).ShouldBe(1);
    }
}

using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// Threads metrics collected end to end: a text post published on a server written from Meta's Threads documentation
/// (see <see cref="ThreadsServer"/>), its media insights (views, likes, replies, reposts, quotes, shares) read by the
/// analytics collection through our Threads client; a grant without threads_manage_insights leaves its reason on the
/// account's analytics status.
/// </summary>
public sealed class ThreadsMetricsTests
{
    private ThreadsServer server = null!;
    private PlatformMetricsApp app = null!;
    private PlatformMetricsApp withoutInsights = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new ThreadsServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.Threads, server);
        withoutInsights = new PlatformMetricsApp(SocialPlatform.Threads, server,
            new Dictionary<string, string?> { ["Platforms:Threads:Scopes"] = "threads_basic,threads_content_publish" });
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

    private static async Task<(TestAccount Owner, Guid Account, Guid Target, string ThreadId)> PublishedTargetAsync(PlatformMetricsApp host)
    {
        var owner = await host.RegisterAsync();
        var account = await host.ConnectAsync(owner, SocialPlatform.Threads);
        var post = await host.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}"));
        var target = await host.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "Threads", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_threads_insights_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, threadId) = await PublishedTargetAsync(app);
        server.Insights.Set(threadId, "views", 2400L).Set(threadId, "likes", 130L).Set(threadId, "replies", 17L)
            .Set(threadId, "reposts", 6L).Set(threadId, "quotes", 2L).Set(threadId, "shares", 4L);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("views").GetInt64().ShouldBe(2400);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(130);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(17);
        // Reposts, quotes and shares all spread the thread.
        snapshot.GetProperty("shares").GetInt64().ShouldBe(12);
        foreach (var none in new[] { "impressions", "reach", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("likes").GetInt64().ShouldBe(130);
    }

    [Test]
    public async Task Shares_threads_does_not_report_stay_unknown_rather_than_zero()
    {
        var (owner, _, target, threadId) = await PublishedTargetAsync(app);
        server.Insights.Set(threadId, "views", 40L).Set(threadId, "likes", 2L);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("views").GetInt64().ShouldBe(40);
        snapshot.GetProperty("shares").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        snapshot.GetProperty("comments").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public async Task A_grant_without_threads_manage_insights_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(withoutInsights);

        (await withoutInsights.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await withoutInsights.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString()!.ShouldContain("threads_manage_insights");
    }

    [Test]
    public async Task The_server_refuses_a_metric_threads_media_insights_do_not_have()
    {
        var (_, _, _, threadId) = await PublishedTargetAsync(app);
        var token = server.Grants.Issue(server.UserId, ["threads_basic", "threads_manage_insights"]).AccessToken;

        var refused = await ServerCalls.GetAsync($"{server.Url}/v1.0/{threadId}/insights?metric=views,clicks", token);

        refused.Status.ShouldBe(400);
        ServerCalls.GraphCode(refused.Body).ShouldBe(100);
        (await ServerCalls.GetAsync($"{server.Url}/v1.0/{threadId}/insights?metric=views,quotes", token)).Status.ShouldBe(200);
    }
}

using Platform.PlatformServers.Reddit;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// Reddit metrics collected end to end: a link submitted to a server written from Reddit's documentation (see
/// <see cref="RedditServer"/>), read back by the analytics collection through our Reddit client with GET /api/info; and an
/// account whose grant lacks the read scope leaves that reason on its analytics status.
/// </summary>
public sealed class RedditMetricsTests
{
    private RedditServer server = null!;
    private PlatformMetricsApp app = null!;
    private PlatformMetricsApp withoutRead = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new RedditServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.Reddit, server);
        withoutRead = new PlatformMetricsApp(SocialPlatform.Reddit, server,
            new Dictionary<string, string?> { ["Platforms:Reddit:Scopes"] = "identity submit history" });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await withoutRead.DisposeAsync();
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    private static async Task<(Guid Tenant, Guid Account, Guid Target, string PostId)> PublishedTargetAsync(PlatformMetricsApp host)
    {
        var owner = await host.RegisterAsync();
        var account = await host.ConnectAsync(owner, SocialPlatform.Reddit);
        var post = await host.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}", Title: "Metrics", Subreddit: "test"));
        var target = await host.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "Reddit", accountId: account, platformPostId: post.PlatformPostId);
        return (owner.TenantId, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_links_votes_and_comments_are_stored_as_its_snapshot()
    {
        var (tenant, _, target, postId) = await PublishedTargetAsync(app);
        var posted = server.Posts.Single(p => p.Fullname == postId || p.Id == postId);
        server.Votes[posted.Id] = new RedditVotes(Ups: 57, Downs: 5, NumComments: 9);

        (await app.FetchAsync(tenant, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(tenant, target, 0);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(57);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(9);
        snapshot.GetProperty("others").GetProperty("score").GetInt64().ShouldBe(52);
        // A link's JSON has no impressions, reach, views, shares, saves or clicks.
        foreach (var none in new[] { "impressions", "reach", "views", "shares", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
    }

    [Test]
    public async Task A_grant_without_the_read_scope_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (tenant, account, target, _) = await PublishedTargetAsync(withoutRead);

        (await withoutRead.FetchAsync(tenant, target, 0)).ShouldBeFalse();

        var status = await withoutRead.StatusAsync(tenant, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}

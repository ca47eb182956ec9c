using Platform.PlatformServers.YouTube;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// YouTube metrics collected end to end: a video uploaded to a server written from Google's documentation (see
/// <see cref="YouTubeServer"/>), its statistics fetched by the analytics collection through our YouTube client and stored.
/// </summary>
public sealed class YouTubeMetricsTests
{
    private YouTubeServer server = null!;
    private PlatformMetricsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new YouTubeServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.YouTube, server);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [Test]
    public async Task A_videos_statistics_are_stored_as_its_snapshot()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.YouTube);
        var video = new byte[64 * 1024];
        new Random(7).NextBytes(video);
        var post = await app.PublishAsync(owner.TenantId, account, new PostContent("Metrics video",
            [new MediaItem(server.HostMedia("clip.mp4", video, "video/mp4"), MediaKind.Video, "video/mp4", video.Length, DurationSeconds: 30)],
            Title: "Metrics video", PrivacyLevel: "public"));
        var target = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "YouTube", accountId: account, platformPostId: post.PlatformPostId);
        server.Statistics[post.PlatformPostId] = new YouTubeStatistics(ViewCount: 5400, LikeCount: 310, FavoriteCount: 0, CommentCount: 42);

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("views").GetInt64().ShouldBe(5400);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(310);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(42);
        // YouTube's public statistics have no impressions, reach, shares, saves or clicks (those are in YouTube Analytics).
        foreach (var none in new[] { "impressions", "reach", "shares", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
    }
}

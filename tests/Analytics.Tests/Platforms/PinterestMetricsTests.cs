using Platform.PlatformServers.Pinterest;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// Pinterest metrics collected end to end: an image pin created on a server written from Pinterest's documentation (see
/// <see cref="PinterestServer"/>), its analytics read with GET /v5/pins/{pin_id}/analytics by the analytics collection
/// through our Pinterest client; a withdrawn token and a 429 with Retry-After leave their reason on the account's
/// analytics status.
/// </summary>
public sealed class PinterestMetricsTests
{
    private const string Board = "549755885175";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 4, 4, 4];
    private PinterestServer server = null!;
    private PlatformMetricsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new PinterestServer();
        await server.StartAsync();
        app = new PlatformMetricsApp(SocialPlatform.Pinterest, server);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => server.Faults.Clear();

    private async Task<(TestAccount Owner, Guid Account, Guid Target, string PinId)> PublishedTargetAsync()
    {
        var owner = await app.RegisterAsync();
        var account = await app.ConnectAsync(owner, SocialPlatform.Pinterest);
        var image = new MediaItem(server.HostMedia($"{Guid.NewGuid():N}.jpg", Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length, AltText: "a pin");
        var post = await app.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}", [image],
            Link: "https://example.com/landing", Title: "Metrics pin", BoardId: Board));
        var target = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "Pinterest", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_pins_analytics_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, pinId) = await PublishedTargetAsync();
        server.Analytics[pinId] = new Dictionary<string, long>
        {
            ["IMPRESSION"] = 4200, ["PIN_CLICK"] = 160, ["OUTBOUND_CLICK"] = 35, ["SAVE"] = 48, ["TOTAL_REACTIONS"] = 21, ["TOTAL_COMMENTS"] = 3,
        };

        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await app.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("impressions").GetInt64().ShouldBe(4200);
        snapshot.GetProperty("clicks").GetInt64().ShouldBe(160);
        snapshot.GetProperty("saves").GetInt64().ShouldBe(48);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(21);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(3);
        snapshot.GetProperty("others").GetProperty("outbound_click").GetInt64().ShouldBe(35);
        // Pin analytics report no reach, views or shares for an image pin.
        foreach (var none in new[] { "reach", "views", "shares" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await app.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("impressions").GetInt64().ShouldBe(4200);
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
        server.Faults.RateLimit(PinterestServer.Steps.PinAnalytics, TimeSpan.FromMinutes(2));

        var refused = await Should.ThrowAsync<PlatformException>(() => app.FetchAsync(owner.TenantId, target, 0));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        var status = await app.StatusAsync(owner.TenantId, account);
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.RateLimited));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        server.Faults.Clear();
        (await app.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();
    }

    [Test]
    public async Task The_server_refuses_a_range_past_ninety_days_and_unknown_metric_types()
    {
        var (_, _, _, pinId) = await PublishedTargetAsync();
        var token = server.Grants.Issue("549755885175", ["boards:read", "pins:read", "user_accounts:read"]).AccessToken;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Url(DateOnly start, string metrics) => $"{server.Url}/v5/pins/{pinId}/analytics?start_date={start:yyyy-MM-dd}&end_date={today:yyyy-MM-dd}&metric_types={metrics}";

        (await ServerCalls.GetAsync(Url(today.AddDays(-100), "IMPRESSION"), token)).Status.ShouldBe(400);
        (await ServerCalls.GetAsync(Url(today.AddDays(-10), "IMPRESSION,REACH"), token)).Status.ShouldBe(400);
        (await ServerCalls.GetAsync($"{server.Url}/v5/pins/{pinId}/analytics?start_date={today.AddDays(-10):yyyy-MM-dd}&end_date={today:yyyy-MM-dd}", token)).Status.ShouldBe(400);
        (await ServerCalls.GetAsync(Url(today.AddDays(-10), "IMPRESSION,SAVE"), token)).Status.ShouldBe(200);
    }
}

using Platform.PlatformServers.LinkedIn;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// LinkedIn metrics collected end to end: a member's post created on a server written from LinkedIn's documentation (see
/// <see cref="LinkedInServer"/>), its totals read from memberCreatorPostAnalytics by the analytics collection through our
/// LinkedIn client when the grant holds r_member_postAnalytics. The default grant does not hold it (the permission comes
/// with LinkedIn's Community Management API access), so an account connected with it leaves that reason on its status.
/// </summary>
public sealed class LinkedInMetricsTests
{
    private LinkedInServer server = null!;
    private PlatformMetricsApp withAnalytics = null!;
    private PlatformMetricsApp byDefault = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        server = new LinkedInServer();
        await server.StartAsync();
        withAnalytics = new PlatformMetricsApp(SocialPlatform.LinkedIn, server,
            new Dictionary<string, string?> { ["Platforms:LinkedIn:Scopes"] = "openid profile w_member_social r_member_postAnalytics" });
        byDefault = new PlatformMetricsApp(SocialPlatform.LinkedIn, server);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await byDefault.DisposeAsync();
        await withAnalytics.DisposeAsync();
        await server.DisposeAsync();
    }

    [SetUp]
    public void Reset() => server.Faults.Clear();

    private static async Task<(TestAccount Owner, Guid Account, Guid Target, string PostUrn)> PublishedTargetAsync(PlatformMetricsApp host)
    {
        var owner = await host.RegisterAsync();
        var account = await host.ConnectAsync(owner, SocialPlatform.LinkedIn);
        var post = await host.PublishAsync(owner.TenantId, account, new PostContent($"Metrics {Guid.NewGuid():N}"));
        var target = await host.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-1), "LinkedIn", accountId: account, platformPostId: post.PlatformPostId);
        return (owner, account, target, post.PlatformPostId);
    }

    [Test]
    public async Task A_posts_analytics_are_stored_as_its_snapshot_and_counted_in_the_overview()
    {
        var (owner, account, target, urn) = await PublishedTargetAsync(withAnalytics);
        server.Analytics[urn] = new Dictionary<string, long>
        {
            ["IMPRESSION"] = 5100, ["MEMBERS_REACHED"] = 3300, ["REACTION"] = 87, ["COMMENT"] = 14, ["RESHARE"] = 9,
        };

        (await withAnalytics.FetchAsync(owner.TenantId, target, 0)).ShouldBeTrue();

        var snapshot = await withAnalytics.SnapshotAsync(owner.TenantId, target, 0);
        snapshot.GetProperty("impressions").GetInt64().ShouldBe(5100);
        snapshot.GetProperty("reach").GetInt64().ShouldBe(3300);
        snapshot.GetProperty("likes").GetInt64().ShouldBe(87);
        snapshot.GetProperty("comments").GetInt64().ShouldBe(14);
        snapshot.GetProperty("shares").GetInt64().ShouldBe(9);
        // Member post analytics have no views, saves or clicks.
        foreach (var none in new[] { "views", "saves", "clicks" })
        {
            snapshot.GetProperty(none).ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, none);
        }
        (await withAnalytics.StatusAsync(owner.TenantId, account)).GetProperty("state").GetString().ShouldBe("Collecting");
        var totals = (await PlatformMetricsApp.OverviewAsync(owner)).GetProperty("totals");
        totals.GetProperty("targets").GetInt32().ShouldBe(1);
        totals.GetProperty("impressions").GetInt64().ShouldBe(5100);
    }

    [Test]
    public async Task The_default_grant_has_no_post_analytics_and_the_status_says_so()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(byDefault);

        (await byDefault.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await byDefault.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBe(nameof(PlatformErrorKind.Permanent));
        status.GetProperty("reason").GetString()!.ShouldContain("r_member_postAnalytics");
    }

    [Test]
    public async Task A_withdrawn_token_leaves_a_reason_on_the_accounts_analytics_status()
    {
        var (owner, account, target, _) = await PublishedTargetAsync(withAnalytics);
        server.Faults.InvalidateTokens();

        (await withAnalytics.FetchAsync(owner.TenantId, target, 0)).ShouldBeFalse();

        var status = await withAnalytics.StatusAsync(owner.TenantId, account);
        status.GetProperty("state").GetString().ShouldBe("Refused");
        status.GetProperty("refusal").GetString().ShouldBeOneOf(nameof(PlatformErrorKind.TokenRevoked), nameof(PlatformErrorKind.TokenExpired));
        status.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task The_server_refuses_daily_members_reached_and_an_unknown_query_type()
    {
        var (_, _, _, urn) = await PublishedTargetAsync(withAnalytics);
        var token = server.Grants.Issue(server.MemberId, ["openid", "profile", "w_member_social", "r_member_postAnalytics"]).AccessToken;
        var headers = new Dictionary<string, string> { ["LinkedIn-Version"] = DateTime.UtcNow.AddMonths(-1).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture), ["X-Restli-Protocol-Version"] = "2.0.0" };
        string Url(string queryType, string aggregation) =>
            $"{server.Url}/rest/memberCreatorPostAnalytics?q=entity&entity=(share:{Uri.EscapeDataString(urn)})&queryType={queryType}&aggregation={aggregation}";

        (await ServerCalls.SendAsync(HttpMethod.Get, Url("MEMBERS_REACHED", "DAILY"), token, headers: headers)).Status.ShouldBe(400);
        (await ServerCalls.SendAsync(HttpMethod.Get, Url("VIEWS", "TOTAL"), token, headers: headers)).Status.ShouldBe(400);
        var total = await ServerCalls.SendAsync(HttpMethod.Get, Url("MEMBERS_REACHED", "TOTAL"), token, headers: headers);
        total.Status.ShouldBe(200);
        total.Body.GetProperty("elements")[0].GetProperty("count").GetInt64().ShouldBe(0);
    }
}

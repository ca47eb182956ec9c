using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// How each client asks for the account's follower count, with the documented request and answer shapes; through the
/// contract, a platform without account metrics is answered without a request and one with them uses the account's token;
/// the tenants with accounts are listed for the daily sweep, which runs for no tenant.
/// </summary>
public sealed class AccountMetricsClientTests : ClientTestBase
{
    [Test]
    public async Task X_reads_followers_count_from_the_users_public_metrics()
    {
        Fake.On("GET", "/2/users/me", FakeResponse.Json(
            """{"data":{"id":"42","name":"Dev","username":"dev","public_metrics":{"followers_count":583,"following_count":20,"tweet_count":14,"listed_count":1}}}"""));

        var metrics = await Client(SocialPlatform.X).GetAccountMetricsAsync(Account("42", "user-token"), CancellationToken.None);

        metrics.ShouldBe(new AccountMetrics(583));
        var request = Fake.Single("GET", "/2/users/me");
        request.QueryValues().ShouldBe(new Dictionary<string, string> { ["user.fields"] = "public_metrics" });
        request.Header("Authorization").ShouldBe("Bearer user-token");
    }

    [Test]
    public async Task YouTube_reads_the_channels_subscriber_count_and_a_hidden_one_is_unknown()
    {
        Fake.On("GET", "/youtube/v3/channels", FakeResponse.Json(
            """{"kind":"youtube#channelListResponse","items":[{"kind":"youtube#channel","id":"UC1","statistics":{"viewCount":"10","subscriberCount":"1200","hiddenSubscriberCount":false,"videoCount":"3"}}]}"""));

        (await Client(SocialPlatform.YouTube).GetAccountMetricsAsync(Account("UC1", "yt-token"), CancellationToken.None)).Followers.ShouldBe(1200);
        Fake.Single("GET", "/youtube/v3/channels").QueryValues().ShouldBe(new Dictionary<string, string> { ["part"] = "statistics", ["mine"] = "true" });

        Fake.Reset();
        Fake.On("GET", "/youtube/v3/channels", FakeResponse.Json(
            """{"kind":"youtube#channelListResponse","items":[{"kind":"youtube#channel","id":"UC1","statistics":{"viewCount":"10","subscriberCount":"0","hiddenSubscriberCount":true,"videoCount":"3"}}]}"""));
        (await Client(SocialPlatform.YouTube).GetAccountMetricsAsync(Account("UC1", "yt-token"), CancellationToken.None)).Followers.ShouldBeNull();
    }

    [Test]
    public async Task TikTok_asks_for_follower_count_and_a_grant_without_user_info_stats_is_refused_with_its_code()
    {
        Fake.On("GET", "/v2/user/info/", FakeResponse.Json(
            """{"data":{"user":{"open_id":"act.123","follower_count":77}},"error":{"code":"ok","message":"","log_id":"l"}}"""));

        (await Client(SocialPlatform.TikTok).GetAccountMetricsAsync(Account("act.123", "tt-token"), CancellationToken.None)).Followers.ShouldBe(77);
        Fake.Single("GET", "/v2/user/info/").QueryValues()["fields"].Split(',').ShouldContain("follower_count");

        Fake.Reset();
        Fake.On("GET", "/v2/user/info/", FakeResponse.Json(
            """{"data":{},"error":{"code":"scope_not_authorized","message":"The user did not authorize the scope required for completing this request.","log_id":"l"}}""", 401));
        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.TikTok).GetAccountMetricsAsync(Account("act.123", "tt-token"), CancellationToken.None));
        refused.Kind.ShouldBe(PlatformErrorKind.Permanent);
        refused.Message.ShouldContain("scope_not_authorized");
    }

    [Test]
    public async Task A_platform_without_account_metrics_is_answered_not_offered_without_any_request()
    {
        var tenant = Guid.NewGuid();
        var linkedIn = await App.SeedAccountAsync(tenant, SocialPlatform.LinkedIn, "li-1", Tokens("li-access"));

        var metrics = await App.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().GetAccountMetricsAsync(linkedIn, CancellationToken.None));

        metrics.Offered.ShouldBeFalse();
        metrics.Followers.ShouldBeNull();
        Fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_platform_with_account_metrics_is_asked_with_the_accounts_token()
    {
        var tenant = Guid.NewGuid();
        var x = await App.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("x-access"));
        // https://docs.x.com/x-api/users/lookup/quickstart/authenticated-lookup: data.public_metrics.followers_count.
        Fake.On("GET", "/2/users/me", FakeResponse.Json("""{"data":{"id":"42","name":"Dev","username":"dev","public_metrics":{"followers_count":9}}}"""));

        var metrics = await App.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().GetAccountMetricsAsync(x, CancellationToken.None));

        metrics.ShouldBe(new AccountMetrics(9));
        Fake.Single("GET", "/2/users/me").Header("Authorization").ShouldBe("Bearer x-access");
    }

    [Test]
    public async Task The_tenants_with_accounts_are_listed_for_no_tenant()
    {
        var withAccount = Guid.NewGuid();
        await App.SeedAccountAsync(withAccount, SocialPlatform.Reddit, "r-1", Tokens("r-access"));

        var tenants = await App.Services.GetRequiredService<IAccountTenants>().WithAccountsAsync(CancellationToken.None);

        tenants.ShouldContain(withAccount);
        tenants.Count.ShouldBe(tenants.Distinct().Count());
    }

    private static TokenSet Tokens(string access) => new(access, null, DateTimeOffset.UtcNow.AddDays(30), "");
}

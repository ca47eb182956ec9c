using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// A long-lived user token is exchanged again before it expires, and the Page token taken anew under it
/// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
/// </summary>
public sealed class FacebookLoginRenewalTests : ClientTestBase
{
    [TestCase(SocialPlatform.Facebook, "1001", null)]
    [TestCase(SocialPlatform.Instagram, "1784", "1001")]
    public async Task Renewal_exchanges_the_user_token_again_and_takes_the_pages_token_under_the_new_one(SocialPlatform platform, string externalId, string? pageId)
    {
        Fake.On("GET", "/v25.0/oauth/access_token", FakeResponse.Json("""{"access_token":"user-long-2","token_type":"bearer","expires_in":5184000}"""));
        Fake.On("GET", "/v25.0/me/accounts", FakeResponse.Json(
            """{"data":[{"id":"999","name":"Other","access_token":"other-page"},{"id":"1001","name":"Bakery","access_token":"page-token-2"}]}"""));

        var renewed = await Client(platform).RefreshAsync(Account(externalId, "page-token", refreshToken: "user-long-1",
            metadata: pageId is null ? null : new() { ["page_id"] = pageId }), CancellationToken.None);

        renewed.ShouldNotBeNull();
        renewed.AccessToken.ShouldBe("page-token-2");
        renewed.RefreshToken.ShouldBe("user-long-2");
        renewed.ExpiresAt!.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(59), DateTimeOffset.UtcNow.AddDays(61));
        Fake.Single("GET", "/v25.0/oauth/access_token").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "fb_exchange_token", ["client_id"] = $"{platform.Slug()}-client-id", ["client_secret"] = $"{platform.Slug()}-client-secret",
            ["fb_exchange_token"] = "user-long-1",
        });
        Fake.Single("GET", "/v25.0/me/accounts").QueryValues()["access_token"].ShouldBe("user-long-2");
    }

    [Test]
    public async Task A_page_the_user_no_longer_manages_revokes_the_account()
    {
        Fake.On("GET", "/v25.0/oauth/access_token", FakeResponse.Json("""{"access_token":"user-long-2","token_type":"bearer","expires_in":5184000}"""));
        Fake.On("GET", "/v25.0/me/accounts", FakeResponse.Json("""{"data":[]}"""));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Facebook).RefreshAsync(
            Account("1001", "page-token", refreshToken: "user-long-1"), CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
    }

    [Test]
    public async Task An_account_with_only_a_page_token_has_nothing_to_renew()
    {
        (await Client(SocialPlatform.Facebook).RefreshAsync(Account("1001", "page-token"), CancellationToken.None)).ShouldBeNull();

        Fake.Requests.ShouldBeEmpty();
    }
}

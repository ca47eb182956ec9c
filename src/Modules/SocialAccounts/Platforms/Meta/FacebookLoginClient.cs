using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Facebook Login (manual flow), shared by Facebook Pages and Instagram (API with Facebook Login): the code is
/// exchanged for a short-lived user token, then for a long-lived one, whose Pages each carry a non-expiring Page token.
/// </summary>
internal abstract class FacebookLoginClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : MetaGraphClient(http, options, rules, clock)
{
    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("state", state),
        ("scope", string.Join(',', Options.ScopeList)), ("response_type", "code"));

    public override async Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var shortLived = await SendJsonAsync(Request(HttpMethod.Get, Url(Options.TokenUrl,
            ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("client_secret", Options.ClientSecret), ("code", code))), cancellationToken);
        return await LongLivedUserTokenAsync(Required(shortLived, "access_token"), cancellationToken);
    }

    /// <summary>
    /// Exchanges the long-lived user token (kept as the account's refresh token) again while it is valid, then takes the
    /// Page's token anew from <c>/me/accounts</c> under it
    /// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). Accounts connected before
    /// the user token was kept have only a non-expiring Page token: nothing to renew.
    /// </summary>
    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        if (account.RefreshToken is not { } userToken)
        {
            return null;
        }
        var user = await LongLivedUserTokenAsync(userToken, cancellationToken);
        var pageId = PageIdOf(account);
        var page = (await PagesAsync(user, cancellationToken)).Where(p => Optional(p, "id") == pageId).Cast<JsonElement?>().FirstOrDefault()
            ?? throw Fail(PlatformErrorKind.TokenRevoked, $"The {Platform} user no longer manages the Page this account publishes through.");
        return PageTokens(page, user);
    }

    /// <summary>The Page whose token acts for <paramref name="account"/>.</summary>
    protected abstract string PageIdOf(AccountCredentials account);

    /// <summary>get-long-lived: <c>grant_type=fb_exchange_token</c> turns a valid user token into a long-lived one.</summary>
    private async Task<TokenSet> LongLivedUserTokenAsync(string userToken, CancellationToken cancellationToken) =>
        ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Get, Url(Options.TokenUrl,
            ("grant_type", "fb_exchange_token"), ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret),
            ("fb_exchange_token", userToken))), cancellationToken));

    /// <summary>Revocation is per user, not per Page; disconnecting one Page must not cut the others off.</summary>
    public override Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The Pages the user manages, each with its own Page token.</summary>
    protected async Task<IReadOnlyList<JsonElement>> PagesAsync(TokenSet user, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync("me/accounts", user.AccessToken, cancellationToken, ("fields", "id,name,access_token,category,tasks,picture")));

    /// <summary>
    /// The Page token acts (it does not expire); the long-lived user token it came from is kept as the refresh token, and
    /// its expiry is the account's, so the refresh sweep exchanges it again before it lapses.
    /// </summary>
    protected TokenSet PageTokens(JsonElement page, TokenSet user) => new(Required(page, "access_token"), user.AccessToken, user.ExpiresAt, user.Scopes);
}

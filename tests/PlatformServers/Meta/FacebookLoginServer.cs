using Microsoft.AspNetCore.Http;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Meta;

/// <summary>
/// Facebook Login and the Pages a user manages, shared by the Facebook Pages and the Instagram (with Facebook Login)
/// servers, written from https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow (the login
/// dialog and the code exchange), https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived
/// (fb_exchange_token; a long-lived token is exchanged again while valid, there is no refresh token),
/// https://developers.facebook.com/docs/graph-api/reference/user/accounts/ (Pages with their Page access tokens) and
/// https://developers.facebook.com/docs/graph-api/reference/user/ (/me).
/// </summary>
public abstract class FacebookLoginServer(string clientId, string clientSecret) : GraphServer(clientId, clientSecret)
{
    public static class LoginSteps
    {
        public const string Token = "token";
    }

    public string UserId { get; set; } = "10160000000000001";
    public string PageId { get; set; } = "104520000000001";
    public string PageName { get; set; } = "Conformance Page";

    /// <summary>More Pages the user manages, listed after the first (id, name): a login that yields several accounts.</summary>
    public IReadOnlyList<(string Id, string Name)> OtherPages { get; set; } = [];

    /// <summary>The scopes a Page listing needs (user/accounts: pages_show_list).</summary>
    protected virtual IReadOnlyList<string> PageListScopes => ["pages_show_list"];

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/v25.0/dialog/oauth",
        ["TokenUrl"] = Url + "/v25.0/oauth/access_token",
        ["ApiBaseUrl"] = Url + "/v25.0",
    };

    protected override async Task<IResult?> AnswerAsync(HttpContext context, GraphCall call) => (call.Method, call.Node, call.Edge) switch
    {
        ("GET", "dialog", "oauth") => Dialog(context, call),
        ("GET", "oauth", "access_token") => await StepAsync(context, LoginSteps.Token, () => AccessToken(call)),
        ("GET", "me", null) => Me(call),
        ("GET", "me", "accounts") => Accounts(call),
        _ => await AnswerNodeAsync(context, call),
    };

    /// <summary>The platform's own nodes and edges.</summary>
    protected abstract Task<IResult?> AnswerNodeAsync(HttpContext context, GraphCall call);

    // manual-flow "Invoking the Login Dialog": client_id, redirect_uri, state, response_type=code, scope (comma-separated);
    // the user's consent redirects to redirect_uri with code and state (errors: error, error_reason, error_description).
    private IResult Dialog(HttpContext context, GraphCall call)
    {
        var state = Uri.EscapeDataString(call["state"] ?? "");
        if (call["client_id"] != Grants.ClientId || call["redirect_uri"] != RegisteredRedirectUri || (call["response_type"] ?? "code") != "code" || string.IsNullOrWhiteSpace(call["scope"]))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&error_reason=invalid_request&error_description=Invalid+request&state={state}");
        }
        var scopes = call["scope"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Results.Redirect($"{RegisteredRedirectUri}?code={Grants.IssueCode(UserId, RegisteredRedirectUri, scopes)}&state={state}");
    }

    // manual-flow "Exchanging Code for an Access Token": GET /oauth/access_token?client_id&redirect_uri&client_secret&code
    // (redirect_uri exactly as in the dialog) answers {access_token, token_type, expires_in}. get-long-lived:
    // grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token answers a long-lived token the same way.
    private IResult AccessToken(GraphCall call)
    {
        if (!Grants.ClientMatches(call["client_id"], call["client_secret"]))
        {
            return Error(400, "Error validating client secret.", "OAuthException", 1);
        }
        IssuedToken? token;
        if (call["grant_type"] == "fb_exchange_token")
        {
            var (problem, current) = Grants.Check(call["fb_exchange_token"]);
            token = problem == TokenProblem.None ? Grants.Refresh(current!.RefreshToken) : null;
            if (token is null)
            {
                return Error(400, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
                    "OAuthException", 190, 460);
            }
        }
        else
        {
            var grant = Grants.RedeemCode(call["code"]);
            if (grant is null || call["redirect_uri"] != grant.RedirectUri)
            {
                return Error(400, "This authorization code has been used.", "OAuthException", 100, 36009);
            }
            token = Grants.Issue(grant.AccountId, grant.Scopes);
        }
        return Json(new { access_token = token.AccessToken, token_type = "bearer", expires_in = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds });
    }

    // user: GET /me?fields=id,name (a user access token; the default fields are id and name).
    private IResult Me(GraphCall call) =>
        Authorized(call, out var token) ?? (token.AccountId == UserId ? Json(new { id = UserId, name = "Conformance User" }) : Json(new { id = token.AccountId, name = PageName }));

    // user/accounts: GET /me/accounts (pages_show_list): {data: [{id, name, access_token, category, tasks}], paging}; each
    // Page access token carries the user's permissions and stops working when the user's grant does.
    private IResult Accounts(GraphCall call)
    {
        if (Authorized(call, out var user, [.. PageListScopes]) is { } refused)
        {
            return refused;
        }
        var views = new[] { (PageId, PageName) }.Concat(OtherPages).Select(page => PageView(call, user, page.Item1, page.Item2)).ToArray();
        return Json(new { data = views, paging = new { cursors = new { before = "QVFIU0", after = "QVFIU0" } } });
    }

    private Dictionary<string, object?> PageView(GraphCall call, IssuedToken user, string id, string name)
    {
        // get-long-lived "Long-lived Page Access Token": a Page token got with a long-lived user token has no expiry.
        var page = Grants.Issue(id, user.Scopes, lifetime: TimeSpan.FromDays(3650));
        var view = new Dictionary<string, object?>
        {
            ["id"] = id, ["name"] = name, ["access_token"] = page.AccessToken, ["category"] = "Software",
            ["tasks"] = new[] { "ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE" },
        };
        foreach (var field in call.Fields.Where(f => !view.ContainsKey(f)))
        {
            if (PageField(field) is { } value)
            {
                view[field] = value;
            }
        }
        return view;
    }

    /// <summary>Extra Page fields the platform adds (instagram_business_account), or null.</summary>
    protected virtual object? PageField(string field) => null;
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Reddit;

/// <summary>How a subreddit is set up (the t5 fields of https://github.com/reddit-archive/reddit/wiki/JSON) and where the user stands in it.</summary>
public sealed record SubredditSettings(string Type = "public", string SubmissionType = "any", bool UserIsBanned = false, bool UserIsContributor = false);

/// <summary>A submission as Reddit holds it.</summary>
public sealed record RedditVotes(long Ups, long Downs, long NumComments);

public sealed record RedditPost(string Id, string Author, string Subreddit, string Kind, string Title, string? Text, string? Url, DateTimeOffset Created)
{
    public string Fullname => "t3_" + Id;
}

/// <summary>
/// Reddit's OAuth2 and the parts of its API we use, written from https://github.com/reddit-archive/reddit/wiki/OAuth2
/// (authorize, token, refresh, revoke), https://github.com/reddit-archive/reddit/wiki/API (User-Agent, rate limit
/// headers, oauth.reddit.com) and https://www.reddit.com/dev/api (api/v1/me, api/submit, user/{name}/submitted).
/// Both hosts (www.reddit.com for OAuth, oauth.reddit.com for the API) are served here.
/// </summary>
public sealed partial class RedditServer() : PlatformServer("reddit-client-id", "reddit-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string Submit = "submit";
        public const string Listing = "listing";
        public const string About = "subreddit-about";
        public const string Info = "info";
    }

    private readonly ConcurrentDictionary<string, string> durations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RedditPost> posts = new();
    private int nextId = 1_000;

    public string UserName { get; set; } = "conformance_user";
    public string UserId { get; set; } = "1w72";
    public HashSet<string> Subreddits { get; } = new(StringComparer.OrdinalIgnoreCase) { "test" };

    /// <summary>How each subreddit is set up beyond existing (public, any kind of post, the user neither banned nor approved).</summary>
    public Dictionary<string, SubredditSettings> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    public IReadOnlyList<RedditPost> Posts => [.. posts];

    /// <summary>
    /// A link's votes and comments as its JSON names them (https://github.com/reddit-archive/reddit/wiki/JSON, "link" and
    /// "votable": ups, downs, score, num_comments), by post id; a post with no entry has one upvote (its author's) and no comments.
    /// </summary>
    public ConcurrentDictionary<string, RedditVotes> Votes { get; } = new(StringComparer.Ordinal);

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/api/v1/authorize",
        ["TokenUrl"] = Url + "/api/v1/access_token",
        ["RevokeUrl"] = Url + "/api/v1/revoke_token",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/authorize", Authorize);
        routes.MapPost("/api/v1/access_token", (Delegate)TokenAsync);
        routes.MapPost("/api/v1/revoke_token", (Delegate)RevokeAsync);
        routes.MapGet("/api/v1/me", Me);
        routes.MapPost("/api/submit", (Delegate)SubmitAsync);
        routes.MapGet("/r/{subreddit}/about", (Delegate)AboutAsync);
        routes.MapGet("/user/{name}/submitted", Submitted);
        routes.MapGet("/api/info", (Delegate)InfoAsync);
        routes.MapGet("/user/{name}/submitted.json", Submitted);
    }

    // https://github.com/reddit-archive/reddit/wiki/OAuth2 "Authorization": client_id, response_type=code, state,
    // redirect_uri (must match the app's), duration (temporary|permanent), scope (space-separated; comma also accepted
    // by reddit.com). The user's consent is immediate here; the answer is the documented redirect with code and state.
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"] != Grants.ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(query["state"]) ||
            query["redirect_uri"] != RegisteredRedirectUri || query["duration"] is not { Count: 1 } duration ||
            duration[0] is not ("temporary" or "permanent") || string.IsNullOrWhiteSpace(query["scope"]))
        {
            // The wiki lists invalid_request for a malformed authorization request.
            return Results.Redirect($"{query["redirect_uri"]}?error=invalid_request&state={Uri.EscapeDataString(query["state"].ToString())}");
        }
        var scopes = query["scope"].ToString().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var code = Grants.IssueCode(UserId, RegisteredRedirectUri, scopes);
        durations[code] = duration[0]!;
        return Results.Redirect($"{RegisteredRedirectUri}?state={Uri.EscapeDataString(query["state"].ToString())}&code={code}");
    }

    // https://github.com/reddit-archive/reddit/wiki/OAuth2 "Retrieving the access token" and "Refreshing the token":
    // POST form, HTTP Basic auth client_id:client_secret; answer {access_token, token_type:"bearer", expires_in,
    // scope, refresh_token (permanent only)}; a bad client is a 401; a bad code or refresh token {"error":"invalid_grant"}.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (UserAgentRefusal(context) is { } refused)
        {
            return refused;
        }
        var (id, secret) = BasicCredentials(context);
        if (!Grants.ClientMatches(id, secret))
        {
            return Json(new { message = "Unauthorized", error = 401 }, 401);
        }
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { error = "unsupported_grant_type" }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        return await StepAsync(context, Steps.Token, () =>
        {
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var grant = Grants.RedeemCode(form["code"]);
                    if (grant is null || form["redirect_uri"] != grant.RedirectUri)
                    {
                        return Json(new { error = "invalid_grant" }, 400);
                    }
                    var token = Grants.Issue(grant.AccountId, grant.Scopes);
                    return durations.TryGetValue(grant.Code, out var duration) && duration == "permanent"
                        ? Json(new { access_token = token.AccessToken, token_type = "bearer", expires_in = Seconds(token), scope = string.Join(' ', token.Scopes), refresh_token = token.RefreshToken })
                        : Json(new { access_token = token.AccessToken, token_type = "bearer", expires_in = Seconds(token), scope = string.Join(' ', token.Scopes) });
                case "refresh_token":
                    Grants.RotateRefreshTokens = false; // Reddit keeps the refresh token: the refresh answer carries none of its own.
                    var renewed = Grants.Refresh(form["refresh_token"]);
                    return renewed is null
                        ? Json(new { error = "invalid_grant" }, 400)
                        : Json(new { access_token = renewed.AccessToken, token_type = "bearer", expires_in = Seconds(renewed), scope = string.Join(' ', renewed.Scopes) });
                default:
                    return Json(new { error = "unsupported_grant_type" }, 400);
            }
        });
    }

    // https://github.com/reddit-archive/reddit/wiki/OAuth2 "Manually Revoking a Token": POST form token,
    // token_type_hint, Basic auth; 204 on success, including for an already invalid token.
    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        var (id, secret) = BasicCredentials(context);
        if (!Grants.ClientMatches(id, secret))
        {
            return Json(new { message = "Unauthorized", error = 401 }, 401);
        }
        var form = await context.Request.ReadFormAsync();
        Grants.Revoke(form["token"].ToString());
        return Results.NoContent();
    }

    // https://www.reddit.com/dev/api#GET_api_v1_me (scope identity). The page says only "Returns the identity of the user"
    // and lists no fields; no documented endpoint answers how many followers the user's own profile has, so this server
    // answers no follower count (a client has none to read on Reddit).
    private IResult Me(HttpContext context) =>
        Authorized(context, "identity") ?? Json(new { name = UserName, id = UserId, icon_img = "https://styles.redditmedia.com/icon.png", created_utc = 1_600_000_000.0 });

    // https://www.reddit.com/dev/api#POST_api_submit (scope submit): form api_type=json, kind (link|self|image|video|
    // videogif), sr, title (required, at most 300 characters), text (self) or url (link). Refusals come as 200 with
    // json.errors [[CODE, message, field]]; success as json.data {url, id, name}.
    private async Task<IResult> SubmitAsync(HttpContext context)
    {
        if (Authorized(context, "submit") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { message = "Bad Request", error = 400 }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        var errors = new List<string[]>();
        var kind = form["kind"].ToString();
        var title = form["title"].ToString();
        var subreddit = form["sr"].ToString();
        if (kind is not ("link" or "self"))
        {
            errors.Add(["INVALID_OPTION", "that option is not valid", "kind"]);
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(["NO_TEXT", "we need something here", "title"]);
        }
        else if (title.Length > 300)
        {
            errors.Add(["TOO_LONG", "this is too long (max: 300)", "title"]);
        }
        if (!Subreddits.Contains(subreddit))
        {
            errors.Add(["SUBREDDIT_NOEXIST", "that subreddit doesn't exist", "sr"]);
        }
        if (kind == "link" && !Uri.TryCreate(form["url"], UriKind.Absolute, out _))
        {
            errors.Add(["NO_URL", "a url is required", "url"]);
        }
        if (form["api_type"] != "json")
        {
            // Without api_type=json the answer is the legacy jquery format, which no API client can read.
            return Json(new { jquery = Array.Empty<object>(), success = false });
        }
        if (errors.Count > 0)
        {
            return Json(new { json = new { errors } });
        }
        return await StepAsync(context, Steps.Submit, () =>
        {
            var id = ToBase36(Interlocked.Increment(ref nextId));
            var post = new RedditPost(id, UserName, subreddit, kind, title, kind == "self" ? form["text"].ToString() : null,
                kind == "link" ? form["url"].ToString() : null, DateTimeOffset.UtcNow);
            posts.Enqueue(post);
            return Json(new { json = new { errors = Array.Empty<string[]>(), data = new { url = Permalink(post), drafts_count = 0, id = post.Id, name = post.Fullname } } });
        });
    }

    // https://www.reddit.com/dev/api#GET_user_{username}_submitted (scope history): a Listing of t3 things, newest first.
    private async Task<IResult> Submitted(HttpContext context, string name) =>
        Authorized(context, "history") ?? await StepAsync(context, Steps.Listing, () =>
        {
            var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 100) : 25;
            var mine = posts.Where(p => p.Author.Equals(name.Replace(".json", ""), StringComparison.OrdinalIgnoreCase)).Reverse().Take(limit)
                .Select(p => new
                {
                    kind = "t3",
                    data = new
                    {
                        id = p.Id, name = p.Fullname, title = p.Title, selftext = p.Text ?? "", url = p.Url ?? Permalink(p), subreddit = p.Subreddit,
                        author = p.Author, is_self = p.Kind == "self", created_utc = (double)p.Created.ToUnixTimeSeconds(), permalink = new Uri(Permalink(p)).AbsolutePath,
                    },
                }).ToList();
            return Json(new { kind = "Listing", data = new { after = (string?)null, before = (string?)null, dist = mine.Count, children = mine } });
        });

    // GET /api/info (https://www.reddit.com/dev/api#GET_api_info, scope read): "a listing of things specified by their
    // fullnames", id a comma-separated list of fullnames (t3_ for links); an unknown fullname is simply absent.
    private async Task<IResult> InfoAsync(HttpContext context) =>
        Authorized(context, "read") ?? await StepAsync(context, Steps.Info, () =>
        {
            var wanted = context.Request.Query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            var found = posts.Where(p => wanted.Contains(p.Fullname)).Select(p =>
            {
                var votes = Votes.GetValueOrDefault(p.Id) ?? new RedditVotes(1, 0, 0);
                return new
                {
                    kind = "t3",
                    data = new
                    {
                        id = p.Id, name = p.Fullname, title = p.Title, subreddit = p.Subreddit, author = p.Author, created_utc = (double)p.Created.ToUnixTimeSeconds(),
                        ups = votes.Ups, downs = votes.Downs, score = votes.Ups - votes.Downs, num_comments = votes.NumComments,
                    },
                };
            }).ToList();
            return Json(new { kind = "Listing", data = new { after = (string?)null, before = (string?)null, dist = found.Count, children = found } });
        });

    /// <summary>
    /// The checks every oauth.reddit.com call passes: a descriptive User-Agent (https://github.com/reddit-archive/reddit/wiki/API),
    /// a bearer token ("Authorization: bearer TOKEN", https://github.com/reddit-archive/reddit/wiki/OAuth2 "Using the token"),
    /// and the scope the endpoint lists at https://www.reddit.com/dev/api. Refusals: 401 {"message":"Unauthorized","error":401}
    /// for a missing, unknown, expired or revoked token; 403 {"message":"Forbidden","error":403} for a scope not granted.
    /// </summary>
    private IResult? Authorized(HttpContext context, string scope)
    {
        if (UserAgentRefusal(context) is { } refused)
        {
            return refused;
        }
        var (problem, token) = Grants.Check(Bearer(context));
        if (problem != TokenProblem.None)
        {
            return Json(new { message = "Unauthorized", error = 401 }, 401,
                new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"reddit\", error=\"invalid_token\"" });
        }
        if (!token!.Scopes.Contains(scope) && !token.Scopes.Contains("*"))
        {
            return Json(new { message = "Forbidden", error = 403 }, 403,
                new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"reddit\", error=\"insufficient_scope\", scope=\"{scope}\"" });
        }
        return null;
    }

    // https://github.com/reddit-archive/reddit/wiki/API: "<platform>:<app ID>:<version string> (by /u/<reddit username>)";
    // default User-Agents are "drastically limited": refused here as Too Many Requests.
    // https://www.reddit.com/dev/api#GET_r_{subreddit}_about (scope read): the subreddit as a t5 thing, {kind:"t5", data};
    // the data fields are those of https://github.com/reddit-archive/reddit/wiki/JSON (subreddit_type one of public,
    // private, restricted, gold_restricted, archived; submission_type one of any, link, self; user_is_banned,
    // user_is_contributor, user_is_moderator for the authenticated user). A subreddit that does not exist is a 404 and a
    // private one a 403 for a user who is not a member, in the {message, error} shape the API wiki shows for errors.
    private async Task<IResult> AboutAsync(HttpContext context, string subreddit) =>
        Authorized(context, "read") ?? await StepAsync(context, Steps.About, () => About(subreddit));

    private IResult About(string subreddit)
    {
        if (!Subreddits.TryGetValue(subreddit, out var name))
        {
            return Json(new { message = "Not Found", error = 404 }, 404);
        }
        var settings = Settings.GetValueOrDefault(name) ?? new SubredditSettings();
        if (settings.Type == "private" && !settings.UserIsContributor)
        {
            return Json(new { message = "Forbidden", error = 403 }, 403);
        }
        return Json(new
        {
            kind = "t5",
            data = new
            {
                display_name = name,
                display_name_prefixed = "r/" + name,
                name = "t5_" + name.ToLowerInvariant(),
                url = $"/r/{name}/",
                subreddit_type = settings.Type,
                submission_type = settings.SubmissionType,
                user_is_banned = settings.UserIsBanned,
                user_is_contributor = settings.UserIsContributor,
                user_is_moderator = false,
            },
        });
    }

    private static IResult? UserAgentRefusal(HttpContext context) =>
        UserAgentFormat().IsMatch(context.Request.Headers.UserAgent.ToString())
            ? null
            : Json(new { message = "Too Many Requests", error = 429 }, 429);

    protected override IResult ServerError(int status, string step) =>
        Json(new { message = "Service Unavailable", error = status }, status);

    // https://github.com/reddit-archive/reddit/wiki/API: Reddit says how long to wait in X-Ratelimit-Reset ("approximate
    // number of seconds to end of period") beside X-Ratelimit-Used and X-Ratelimit-Remaining; it documents no
    // Retry-After, so a planned wait is sent there, and a 429 without one carries no reset.
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        var headers = new Dictionary<string, string> { ["X-Ratelimit-Used"] = "100", ["X-Ratelimit-Remaining"] = "0" };
        if (retryAfter is { } wait)
        {
            headers["X-Ratelimit-Reset"] = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Json(new { message = "Too Many Requests", error = 429 }, 429, headers);
    }

    private string Permalink(RedditPost post) => $"https://www.reddit.com/r/{post.Subreddit}/comments/{post.Id}/{Slug(post.Title)}/";

    private static string Slug(string title) => NonWord().Replace(title.ToLowerInvariant(), "_").Trim('_');

    private static long Seconds(IssuedToken token) => (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds;

    private static string ToBase36(int value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = "";
        do
        {
            text = digits[value % 36] + text;
            value /= 36;
        }
        while (value > 0);
        return text;
    }

    [GeneratedRegex(@"^[^:\s]+:[^:\s]+:v?[^\s]+ \(by /u/[A-Za-z0-9_-]+\)$")]
    private static partial Regex UserAgentFormat();

    [GeneratedRegex(@"\W+")]
    private static partial Regex NonWord();
}

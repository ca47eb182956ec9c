using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.LinkedIn;

/// <summary>A post as LinkedIn holds it; <see cref="MediaId"/> is the image URN of an image post.</summary>
public sealed record LinkedInPost(string Id, string Author, string Commentary, string Visibility, string LifecycleState, string? MediaId, DateTimeOffset CreatedAt);

/// <summary>An image registered with the Images API; <see cref="Bytes"/> once uploaded.</summary>
public sealed record LinkedInImage(string Urn, string Owner, string UploadToken)
{
    public byte[]? Bytes { get; set; }
}

/// <summary>
/// LinkedIn's OAuth 2.0 (3-legged), OpenID userinfo, Posts API and Images API, written from
/// https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow,
/// https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens,
/// https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2,
/// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
/// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api,
/// https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics,
/// https://learn.microsoft.com/en-us/linkedin/marketing/versioning and
/// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling.
/// </summary>
public sealed partial class LinkedInServer() : PlatformServer("linkedin-client-id", "linkedin-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string CreatePost = "create-post";
        public const string InitializeImage = "image-initialize";
        public const string UploadImage = "image-upload";
        public const string FindPosts = "find-posts";
        public const string PostAnalytics = "post-analytics";
        public const string FollowersCount = "member-followers-count";
    }

    // Posts API "Post Schema": the top-level fields a post may carry; Rest.li refuses others.
    private static readonly HashSet<string> PostFields =
    [
        "author", "commentary", "visibility", "distribution", "lifecycleState", "isReshareDisabledByAuthor", "content", "contentLandingPage",
        "contentCallToActionLabel", "reshareContext", "adContext", "container",
    ];

    private readonly ConcurrentQueue<LinkedInPost> posts = new();
    private readonly ConcurrentDictionary<string, LinkedInImage> images = new(StringComparer.Ordinal);
    private long nextId = 7_100_000_000_000_000_000;

    public string MemberId { get; set; } = "782bbtaQ";
    public string MemberName { get; set; } = "Conformance Member";
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    /// <summary>Whether the app has programmatic refresh tokens (granted to approved partners only, per the refresh page).</summary>
    public bool ProgrammaticRefresh { get; set; } = true;

    public string PersonUrn => "urn:li:person:" + MemberId;
    public IReadOnlyList<LinkedInPost> Posts => [.. posts];

    /// <summary>The counts member post analytics answers, by post URN and metric (queryType); a metric with no count answers 0.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, long>> Analytics { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<LinkedInImage> Images => [.. images.Values];

    /// <summary>The lifetime memberFollowersCount, by person URN.</summary>
    public FollowerCounts Followers { get; } = new();

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/oauth/v2/authorization",
        ["TokenUrl"] = Url + "/oauth/v2/accessToken",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth/v2/authorization", Authorize);
        routes.MapPost("/oauth/v2/accessToken", (Delegate)TokenAsync);
        routes.MapGet("/v2/userinfo", UserInfo);
        routes.MapPost("/rest/posts", (Delegate)CreatePostAsync);
        routes.MapGet("/rest/posts", (Delegate)FindPostsAsync);
        routes.MapGet("/rest/memberCreatorPostAnalytics", (Delegate)MemberPostAnalyticsAsync);
        routes.MapGet("/rest/memberFollowersCount", (Delegate)MemberFollowersCountAsync);
        routes.MapPost("/rest/images", (Delegate)InitializeImageAsync);
        routes.MapPut("/dms-uploads/{token}", (Delegate)UploadImageAsync);
        routes.MapGet("/rest/images/{urn}", GetImage);
    }

    // authorization-code-flow, step 2: response_type=code, client_id, redirect_uri (exactly as registered), state,
    // scope (space-delimited, URL encoded). Errors come back to the redirect URI as error, error_description.
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var state = Uri.EscapeDataString(query["state"].ToString());
        if (query["response_type"] != "code" || query["client_id"] != Grants.ClientId || query["redirect_uri"] != RegisteredRedirectUri ||
            string.IsNullOrWhiteSpace(query["scope"]))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&error_description=Invalid+authorization+request&state={state}");
        }
        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Results.Redirect($"{RegisteredRedirectUri}?code={Grants.IssueCode(MemberId, RegisteredRedirectUri, scopes)}&state={state}");
    }

    // authorization-code-flow step 3 and programmatic-refresh-tokens: POST x-www-form-urlencoded with grant_type, code,
    // client_id, client_secret, redirect_uri (or refresh_token); answers access_token, expires_in, scope (comma-separated),
    // and refresh_token, refresh_token_expires_in for apps with programmatic refresh. Refusals: {error, error_description}.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { error = "invalid_request", error_description = "A required parameter \"grant_type\" is missing" }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        if (!Grants.ClientMatches(form["client_id"], form["client_secret"]))
        {
            return Json(new { error = "invalid_client", error_description = "Client authentication failed" }, 401);
        }
        return await StepAsync(context, Steps.Token, () =>
        {
            IssuedToken? token;
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var grant = Grants.RedeemCode(form["code"]);
                    if (grant is null || form["redirect_uri"] != grant.RedirectUri)
                    {
                        return Json(new { error = "invalid_request", error_description = "Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired." }, 400);
                    }
                    token = Grants.Issue(grant.AccountId, grant.Scopes);
                    break;
                case "refresh_token" when ProgrammaticRefresh:
                    token = Grants.Refresh(form["refresh_token"]);
                    if (token is null)
                    {
                        return Json(new { error = "invalid_request", error_description = "The provided refresh token is invalid" }, 400);
                    }
                    break;
                default:
                    return Json(new { error = "unsupported_grant_type", error_description = "grant_type is not supported" }, 400);
            }
            var expiresIn = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds;
            return ProgrammaticRefresh
                ? Json(new { access_token = token.AccessToken, expires_in = expiresIn, refresh_token = token.RefreshToken, refresh_token_expires_in = 31_536_000, scope = string.Join(',', token.Scopes) })
                : Json(new { access_token = token.AccessToken, expires_in = expiresIn, scope = string.Join(',', token.Scopes) });
        });
    }

    // sign-in-with-linkedin-v2: GET /v2/userinfo with scopes openid and profile; sub is the member id.
    private IResult UserInfo(HttpContext context) =>
        Authorized(context, versioned: false, "openid", "profile") ?? Json(new
        {
            sub = MemberId, name = MemberName, given_name = "Conformance", family_name = "Member",
            picture = "https://media.licdn.com/dms/image/conformance.jpg", locale = new { country = "US", language = "en" },
        });

    // posts-api "Create a Post": POST /rest/posts, Content-Type application/json, scope w_member_social for a member
    // author; answers 201 Created with the post's URN in the x-restli-id header and no body.
    private async Task<IResult> CreatePostAsync(HttpContext context)
    {
        if (Authorized(context, versioned: true, "w_member_social") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/json"))
        {
            return Error(415, null, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
        }
        JsonElement post;
        try
        {
            post = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        }
        catch (JsonException)
        {
            return Error(400, null, null, "Invalid JSON in the request body");
        }
        if (post.ValueKind != JsonValueKind.Object)
        {
            return Error(400, null, null, "The request body must be a post object");
        }
        if (post.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !PostFields.Contains(name)) is { } unknown)
        {
            return Error(422, null, null, $"ERROR :: /{unknown} :: unrecognized field found but not allowed");
        }
        var author = Text(post, "author");
        var visibility = Text(post, "visibility");
        var lifecycle = Text(post, "lifecycleState");
        var feed = post.TryGetProperty("distribution", out var distribution) && distribution.ValueKind == JsonValueKind.Object ? Text(distribution, "feedDistribution") : null;
        // Post Schema: author, visibility, distribution (with feedDistribution) and lifecycleState are required.
        var missing = new[] { ("author", author), ("visibility", visibility), ("distribution/feedDistribution", feed), ("lifecycleState", lifecycle) }
            .FirstOrDefault(f => string.IsNullOrEmpty(f.Item2)).Item1;
        if (missing is not null)
        {
            return Error(422, null, null, $"ERROR :: /{missing} :: field is required but not found and has no default value");
        }
        if (visibility is not ("PUBLIC" or "CONNECTIONS" or "LOGGED_IN" or "CONTAINER") || lifecycle is not ("PUBLISHED" or "DRAFT"))
        {
            return Error(422, null, null, "ERROR :: /visibility or /lifecycleState :: invalid enum value");
        }
        if (author != PersonUrn)
        {
            return Error(403, 100, "ACCESS_DENIED", $"Not enough permissions to access: partnerApiPostsExternal.CREATE.{context.Request.Headers["LinkedIn-Version"]}");
        }
        string? mediaId = null;
        if (post.TryGetProperty("content", out var content))
        {
            mediaId = content.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Object ? Text(media, "id") : null;
            if (mediaId is null || !images.TryGetValue(mediaId, out var image) || image.Bytes is null)
            {
                return Error(400, null, null, $"/content/media/id :: {mediaId ?? "(none)"} is not an uploaded image or video of this member");
            }
        }
        var commentary = Text(post, "commentary") ?? "";
        return await StepAsync(context, Steps.CreatePost, () =>
        {
            var id = "urn:li:share:" + Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
            posts.Enqueue(new LinkedInPost(id, author!, commentary, visibility!, lifecycle!, mediaId, DateTimeOffset.UtcNow));
            return new Created(id);
        });
    }

    // posts-api "Find Posts by Authors": GET /rest/posts?author={URN}&q=author&count=&sortBy=LAST_MODIFIED|CREATED with
    // X-RestLi-Method: FINDER; a member's posts need r_member_social (restricted), an organization's r_organization_social.
    // Answers {elements: [post...], paging: {start, count, links}}.
    private async Task<IResult> FindPostsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var scope = query["author"].ToString().StartsWith("urn:li:organization:", StringComparison.Ordinal) ? "r_organization_social" : "r_member_social";
        if (Authorized(context, versioned: true, scope) is { } refused)
        {
            return refused;
        }
        if (!string.Equals(context.Request.Headers["X-RestLi-Method"], "FINDER", StringComparison.OrdinalIgnoreCase) || query["q"] != "author")
        {
            return Error(400, null, null, $"Finder calls need q=author and the header X-RestLi-Method: FINDER (got q={query["q"]}, X-RestLi-Method: {context.Request.Headers["X-RestLi-Method"]})");
        }
        var count = int.TryParse(query["count"], out var c) ? Math.Clamp(c, 1, 100) : 10;
        return await StepAsync(context, Steps.FindPosts, () => Json(new
        {
            paging = new { start = 0, count, links = Array.Empty<object>() },
            elements = posts.Where(p => p.Author == query["author"]).Reverse().Take(count).Select(View).ToList(),
        }));
    }

    // images-api "Initialize Image Upload": POST /rest/images?action=initializeUpload {initializeUploadRequest:{owner}};
    // answers value {uploadUrlExpiresAt, uploadUrl, image}.
    private async Task<IResult> InitializeImageAsync(HttpContext context)
    {
        if (Authorized(context, versioned: true, "w_member_social") is { } refused)
        {
            return refused;
        }
        if (context.Request.Query["action"] != "initializeUpload" || !HasContentType(context, "application/json"))
        {
            return Error(400, null, null, "Expected action=initializeUpload with a JSON body");
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        var owner = body.TryGetProperty("initializeUploadRequest", out var request) && request.ValueKind == JsonValueKind.Object ? Text(request, "owner") : null;
        if (owner is null)
        {
            return Error(422, null, null, "ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value");
        }
        if (owner != PersonUrn)
        {
            return Error(403, 100, "ACCESS_DENIED", "Not enough permissions to access: images.INITIALIZE_UPLOAD");
        }
        return await StepAsync(context, Steps.InitializeImage, () =>
        {
            var image = new LinkedInImage("urn:li:image:C4E10AQ" + Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture), owner,
                Guid.NewGuid().ToString("N"));
            images[image.Urn] = image;
            return Json(new
            {
                value = new
                {
                    uploadUrlExpiresAt = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
                    uploadUrl = $"{Url}/dms-uploads/{image.UploadToken}",
                    image = image.Urn,
                },
            });
        });
    }

    // images-api "Upload the Image": the bytes are PUT to uploadUrl (the sample: curl --upload-file with a bearer token).
    private async Task<IResult> UploadImageAsync(HttpContext context, string token)
    {
        var image = images.Values.FirstOrDefault(i => i.UploadToken == token);
        if (image is null)
        {
            return Results.NotFound();
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (buffer.Length == 0)
        {
            return Error(400, null, null, "Empty upload");
        }
        return await StepAsync(context, Steps.UploadImage, () =>
        {
            image.Bytes = buffer.ToArray();
            return Results.Created();
        });
    }

    // images-api "Get a Single Image": status PROCESSING until ready, then AVAILABLE.
    private IResult GetImage(HttpContext context, string urn) =>
        Authorized(context, versioned: true, "w_member_social") ?? (images.TryGetValue(Uri.UnescapeDataString(urn), out var image)
            ? Json(new { owner = image.Owner, id = image.Urn, status = image.Bytes is null || Faults.TakeProcessingPoll() ? (image.Bytes is null ? "WAITING_UPLOAD" : "PROCESSING") : "AVAILABLE" })
            : Error(404, null, "NOT_FOUND", "Not Found"));

    private static object View(LinkedInPost post) => new
    {
        id = post.Id, author = post.Author, commentary = post.Commentary, visibility = post.Visibility, lifecycleState = post.LifecycleState,
        distribution = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
        createdAt = post.CreatedAt.ToUnixTimeMilliseconds(), publishedAt = post.CreatedAt.ToUnixTimeMilliseconds(), lastModifiedAt = post.CreatedAt.ToUnixTimeMilliseconds(),
        isReshareDisabledByAuthor = false,
    };

    /// <summary>
    /// What every call passes. Versioned (/rest) calls need LinkedIn-Version (YYYYMM, an active version: at most a year
    /// old per the versioning page) and X-Restli-Protocol-Version: 2.0.0 (posts-api note: "All APIs require" both).
    /// Tokens: 401 INVALID_ACCESS_TOKEN (65600), REVOKED_ACCESS_TOKEN (65601), EXPIRED_ACCESS_TOKEN (65602); a scope not
    /// granted is 403 ACCESS_DENIED (100), as the error-handling page shows them.
    /// </summary>
    // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics ("Metrics Definition
    // for Member Post Analytics"): the queryType values.
    private static readonly string[] MemberPostMetrics = ["IMPRESSION", "MEMBERS_REACHED", "RESHARE", "REACTION", "COMMENT"];

    // post-statistics, "Single post statistics": GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn}) or
    // (ugc:{urn})&queryType=<metric>&aggregation=TOTAL (or DAILY; MEMBERS_REACHED only TOTAL), versioned, permission
    // r_member_postAnalytics; answers {elements: [{count, metricType: {...: queryType}, targetEntity: {share|ugc: urn}}], paging}.
    // The post must be the authenticated member's.
    private async Task<IResult> MemberPostAnalyticsAsync(HttpContext context)
    {
        if (Authorized(context, versioned: true, "r_member_postAnalytics") is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        var entity = EntityFinder().Match(query["entity"].ToString());
        var metric = query["queryType"].ToString();
        var aggregation = query["aggregation"].ToString();
        if (query["q"] != "entity" || !entity.Success || !MemberPostMetrics.Contains(metric) || aggregation is not ("TOTAL" or "DAILY")
            || (metric == "MEMBERS_REACHED" && aggregation != "TOTAL"))
        {
            return Error(400, null, null, "q=entity, entity=(share:urn) or (ugc:urn), queryType among IMPRESSION, MEMBERS_REACHED, RESHARE, REACTION, COMMENT and aggregation TOTAL or DAILY (MEMBERS_REACHED: TOTAL) are required");
        }
        var urn = Uri.UnescapeDataString(entity.Groups[2].Value);
        if (posts.FirstOrDefault(p => p.Id == urn) is not { } post || post.Author != PersonUrn)
        {
            return Error(403, 100, "ACCESS_DENIED", $"Not enough permissions to access analytics of {urn}");
        }
        return await StepAsync(context, Steps.PostAnalytics, () =>
        {
            var count = Analytics.GetValueOrDefault(post.Id)?.GetValueOrDefault(metric) ?? 0;
            var element = new Dictionary<string, object>
            {
                ["count"] = count,
                ["metricType"] = new Dictionary<string, string> { ["com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1"] = metric },
                ["targetEntity"] = new Dictionary<string, string> { [entity.Groups[1].Value] = post.Id },
            };
            return Json(new { paging = new { start = 0, count = 10, links = Array.Empty<object>() }, elements = new[] { element } });
        });
    }

    // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics: a member's own
    // follower count is not among the self-serve (Sign In, Share) products' scopes; the Community Management API has it with
    // r_member_profileAnalytics ("Permissions"). GET /rest/memberFollowersCount?q=me, versioned, answers the lifetime count
    // as {elements: [{memberFollowersCount}], paging}. The page's other finder, q=dateRange (daily counts), is not served
    // here and answers 400 like any finder this server does not know.
    private async Task<IResult> MemberFollowersCountAsync(HttpContext context)
    {
        if (Authorized(context, versioned: true, "r_member_profileAnalytics") is { } refused)
        {
            return refused;
        }
        if (context.Request.Query["q"] != "me")
        {
            return Error(400, null, null, "q=me is required");
        }
        return await StepAsync(context, Steps.FollowersCount, () => Json(new
        {
            elements = new[] { new { memberFollowersCount = Followers.Get(PersonUrn) } },
            paging = new { count = 10, start = 0, links = Array.Empty<object>() },
        }));
    }

    private IResult? Authorized(HttpContext context, bool versioned, params string[] scopes)
    {
        if (versioned)
        {
            var version = context.Request.Headers["LinkedIn-Version"].ToString();
            if (version.Length == 0)
            {
                return Error(400, null, "VERSION_MISSING", "A version must be present. Please specify a version by adding the LinkedIn-Version header.");
            }
            if (!IsActiveVersion(version))
            {
                return Error(426, null, "NONEXISTENT_VERSION", $"Requested version {version} is not active");
            }
            if (context.Request.Headers["X-Restli-Protocol-Version"] != "2.0.0")
            {
                return Error(400, null, null, "X-Restli-Protocol-Version: 2.0.0 is required");
            }
        }
        var (problem, token) = Grants.Check(Bearer(context));
        switch (problem)
        {
            case TokenProblem.Missing or TokenProblem.Unknown:
                return Error(401, 65600, "INVALID_ACCESS_TOKEN", "Invalid access token");
            case TokenProblem.Revoked:
                return Error(401, 65601, "REVOKED_ACCESS_TOKEN", "The token used in the request has been revoked by the user");
            case TokenProblem.Expired:
                return Error(401, 65602, "EXPIRED_ACCESS_TOKEN", "The token used in the request has expired");
        }
        var lacking = scopes.FirstOrDefault(s => !token!.Scopes.Contains(s));
        return lacking is null ? null : Error(403, 100, "ACCESS_DENIED", $"Not enough permissions to access this resource (needs {lacking})");
    }

    private static bool IsActiveVersion(string version)
    {
        var match = VersionFormat().Match(version);
        if (!match.Success)
        {
            return false;
        }
        var month = new DateTimeOffset(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 1, 0, 0, 0, TimeSpan.Zero);
        return month <= DateTimeOffset.UtcNow && month > DateTimeOffset.UtcNow.AddMonths(-12);
    }

    private static IResult Error(int status, int? serviceErrorCode, string? code, string message) =>
        Json(serviceErrorCode is { } service
            ? new { status, serviceErrorCode = service, code, message }
            : code is not null ? new { status, code, message } : (object)new { status, message }, status);


    protected override IResult ServerError(int status, string step) => Error(status, null, null, "Internal Server Error");

    // error-handling page: 429 "Too Many Requests"; the daily limits reset at midnight UTC (rate-limiting page).
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) =>
        Json(new { status = 429, message = "Resource level throttle APPLICATION DAY limit for calls to this resource is reached." }, 429,
            RetryAfterHeader(retryAfter));

    [GeneratedRegex(@"^\((share|ugc):(.+)\)$")]
    private static partial Regex EntityFinder();

    [GeneratedRegex(@"^(\d{4})(\d{2})(\.\d{2})?$")]
    private static partial Regex VersionFormat();

    private sealed class Created(string id) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 201;
            httpContext.Response.Headers["x-restli-id"] = id;
            return Task.CompletedTask;
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Pinterest;

/// <summary>A pin as Pinterest holds it.</summary>
public sealed record Pin(string Id, string BoardId, string? Title, string? Description, string? Link, string? AltText, string SourceType, string? ImageUrl, DateTimeOffset CreatedAt);

/// <summary>
/// Pinterest API v5 as far as we use it, written from https://developers.pinterest.com/docs/getting-started/authentication-and-scopes/
/// (authorize, token exchange and refresh with HTTP Basic client auth), https://developers.pinterest.com/docs/api/v5/
/// (user_account/get, boards/list, pins/create, pins/list; the Error schema {code, message}) and the published OpenAPI
/// description https://github.com/pinterest/api-description (v5/openapi.yaml: PinCreate requires board_id and
/// media_source; title at most 100, description at most 800, alt_text at most 500 characters).
/// </summary>
public sealed class PinterestServer() : PlatformServer("pinterest-client-id", "pinterest-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string CreatePin = "create-pin";
        public const string ListPins = "list-pins";
        public const string PinAnalytics = "pin-analytics";
        public const string UserAccount = "user-account";
    }

    private readonly ConcurrentQueue<Pin> pins = new();
    private long nextId = 813_744_226_420_795_000;

    public string Username { get; set; } = "conformance_pinner";
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";
    public Dictionary<string, string> Boards { get; } = new() { ["549755885175"] = "Conformance board" };

    public IReadOnlyList<Pin> Pins => [.. pins];

    /// <summary>The user account's id (its follower_count is kept under it).</summary>
    public string UserAccountId { get; set; } = "549755885175";

    /// <summary>The follower_count user_account/get answers, by user account id.</summary>
    public FollowerCounts Followers { get; } = new();

    /// <summary>The figures pin analytics answers, by pin id and metric type; a metric with no figure answers 0.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, long>> Analytics { get; } = new(StringComparer.Ordinal);

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/oauth/",
        ["TokenUrl"] = Url + "/v5/oauth/token",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth/", Authorize);
        routes.MapPost("/v5/oauth/token", (Delegate)TokenAsync);
        routes.MapGet("/v5/user_account", (Delegate)UserAccountAsync);
        routes.MapGet("/v5/boards", ListBoards);
        routes.MapPost("/v5/pins", (Delegate)CreatePinAsync);
        routes.MapGet("/v5/pins", (Delegate)ListPinsAsync);
        routes.MapGet("/v5/boards/{boardId}/pins", (Delegate)ListBoardPinsAsync);
        routes.MapGet("/v5/pins/{pinId}/analytics", (Delegate)PinAnalyticsAsync);
    }

    // authentication-and-scopes: client_id, redirect_uri (registered), response_type=code, scope (comma-separated), state.
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var state = Uri.EscapeDataString(query["state"].ToString());
        if (query["client_id"] != Grants.ClientId || query["redirect_uri"] != RegisteredRedirectUri || query["response_type"] != "code" ||
            string.IsNullOrWhiteSpace(query["scope"]))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&state={state}");
        }
        var scopes = query["scope"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Results.Redirect($"{RegisteredRedirectUri}?code={Grants.IssueCode(Username, RegisteredRedirectUri, scopes)}&state={state}");
    }

    // authentication-and-scopes "Exchange the code for an access token": POST /v5/oauth/token, Authorization: Basic
    // base64(client_id:client_secret), form grant_type=authorization_code, code, redirect_uri; or grant_type=refresh_token,
    // refresh_token. Answers access_token, refresh_token, response_type, token_type "bearer", expires_in,
    // refresh_token_expires_in, scope.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var (id, secret) = BasicCredentials(context);
        if (!Grants.ClientMatches(id, secret))
        {
            return Json(new { code = 2, message = "Authentication failed." }, 401);
        }
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { code = 1, message = "Invalid parameters." }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        return await StepAsync(context, Steps.Token, () =>
        {
            IssuedToken? token;
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var grant = Grants.RedeemCode(form["code"]);
                    if (grant is null || form["redirect_uri"] != grant.RedirectUri)
                    {
                        return Json(new { code = 283, message = "Invalid authorization code." }, 400);
                    }
                    token = Grants.Issue(grant.AccountId, grant.Scopes);
                    break;
                case "refresh_token":
                    token = Grants.Refresh(form["refresh_token"]);
                    if (token is null)
                    {
                        return Json(new { code = 2, message = "Authentication failed." }, 401);
                    }
                    break;
                default:
                    return Json(new { code = 1, message = "Invalid parameters." }, 400);
            }
            return Json(new
            {
                access_token = token.AccessToken, refresh_token = token.RefreshToken, response_type = form["grant_type"].ToString(), token_type = "bearer",
                expires_in = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds, refresh_token_expires_in = 31_536_000, scope = string.Join(',', token.Scopes),
            });
        });
    }

    // https://developers.pinterest.com/docs/api/v5/user_account-get (scope user_accounts:read; optional ad_account_id): the
    // Account schema: account_type, id, profile_image, website_url, username, about, business_name, board_count, pin_count,
    // follower_count ("User account follower count"), following_count, monthly_views.
    private async Task<IResult> UserAccountAsync(HttpContext context) =>
        Authorized(context, "user_accounts:read") ?? await StepAsync(context, Steps.UserAccount, () => Json(new
        {
            account_type = "BUSINESS", id = UserAccountId, username = Username, profile_image = "https://i.pinimg.com/conformance.jpg",
            website_url = "https://example.com", about = "", business_name = "Conformance", board_count = Boards.Count, pin_count = Pins.Count,
            follower_count = Followers.Get(UserAccountId), following_count = 0, monthly_views = 0,
        }));

    // v5 boards/list (scope boards:read): {items, bookmark}.
    private IResult ListBoards(HttpContext context) =>
        Authorized(context, "boards:read") ?? Json(new
        {
            items = Boards.Select(b => new { id = b.Key, name = b.Value, description = "", owner = new { username = Username }, privacy = "PUBLIC" }).ToList(),
            bookmark = (string?)null,
        });

    // v5 pins/create: JSON PinCreate; 201 with the Pin. Creating Pins takes a token with boards:read, boards:write,
    // pins:read and pins:write (https://developers.pinterest.com/docs/work-with-organic-content-and-users/create-boards-and-pins/,
    // "Before you begin").
    private async Task<IResult> CreatePinAsync(HttpContext context)
    {
        foreach (var scope in new[] { "boards:read", "boards:write", "pins:read", "pins:write" })
        {
            if (Authorized(context, scope) is { } refused)
            {
                return refused;
            }
        }
        if (!HasContentType(context, "application/json"))
        {
            return Json(new { code = 1, message = "Invalid parameters: Content-Type must be application/json." }, 400);
        }
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        }
        catch (JsonException)
        {
            return Json(new { code = 1, message = "Invalid parameters: the body is not JSON." }, 400);
        }
        var boardId = Text(body, "board_id");
        if (boardId is null || !body.TryGetProperty("media_source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            return Json(new { code = 1, message = "Invalid parameters: board_id and media_source are required." }, 400);
        }
        if (!Boards.ContainsKey(boardId))
        {
            return Json(new { code = 2000, message = "Board not found." }, 404);
        }
        var (title, description, altText) = (Text(body, "title"), Text(body, "description"), Text(body, "alt_text"));
        if (title?.Length > 100 || description?.Length > 800 || altText?.Length > 500)
        {
            return Json(new { code = 1, message = "Invalid parameters: title, description or alt_text is too long." }, 400);
        }
        var sourceType = Text(source, "source_type");
        var url = Text(source, "url");
        if (sourceType != "image_url" || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            // MediaSource variants: image_url needs url; the video and base64 variants are not served here.
            return Json(new { code = 1, message = "Invalid parameters: media_source.source_type image_url with a url is required." }, 400);
        }
        return await StepAsync(context, Steps.CreatePin, () =>
        {
            var pin = new Pin(Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture), boardId, title, description, Text(body, "link"), altText,
                sourceType, url, DateTimeOffset.UtcNow);
            pins.Enqueue(pin);
            return Json(View(pin), 201);
        });
    }

    // v5 pins/list (scope pins:read): the user's pins, newest first, {items, bookmark}.
    private Task<IResult> ListPinsAsync(HttpContext context) => ListAsync(context, null);

    // v5 boards/list_pins (scopes boards:read, pins:read).
    private Task<IResult> ListBoardPinsAsync(HttpContext context, string boardId) => ListAsync(context, boardId);

    private async Task<IResult> ListAsync(HttpContext context, string? boardId) =>
        Authorized(context, "pins:read") ?? await StepAsync(context, Steps.ListPins, () =>
        {
            var size = int.TryParse(context.Request.Query["page_size"], out var s) ? Math.Clamp(s, 1, 250) : 25;
            return Json(new { items = pins.Where(p => boardId is null || p.BoardId == boardId).Reverse().Take(size).Select(View).ToList(), bookmark = (string?)null });
        });

    // https://developers.pinterest.com/docs/api/v5/pins-analytics and v5/openapi.yaml of https://github.com/pinterest/api-description
    // (operation pins/analytics): metric_types takes these values, comma-separated, and is required.
    private static readonly string[] PinMetricTypes =
    [
        "IMPRESSION", "OUTBOUND_CLICK", "PIN_CLICK", "SAVE", "SAVE_RATE", "TOTAL_COMMENTS", "TOTAL_REACTIONS", "USER_FOLLOW", "PROFILE_VISIT",
        "VIDEO_MRC_VIEW", "VIDEO_10S_VIEW", "QUARTILE_95_PERCENT_VIEW", "VIDEO_V50_WATCH_TIME", "VIDEO_START", "VIDEO_AVG_WATCH_TIME",
    ];

    // pins-analytics: GET /v5/pins/{pin_id}/analytics?start_date&end_date (YYYY-MM-DD, UTC; start_date at most 90 days back
    // from today, end_date at most 90 days past start_date) &metric_types (required) [&app_types&split_field], scopes
    // boards:read, pins:read and user_accounts:read. Answers {"all": {daily_metrics: [{date, data_status, metrics}],
    // summary_metrics, lifetime_metrics}} (PinAnalyticsResponse); a bad parameter is 400 with the Error schema; a pin that is
    // not the account's is 404.
    private async Task<IResult> PinAnalyticsAsync(HttpContext context, string pinId)
    {
        foreach (var scope in new[] { "boards:read", "pins:read", "user_accounts:read" })
        {
            if (Authorized(context, scope) is { } refused)
            {
                return refused;
            }
        }
        var query = context.Request.Query;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (!DateOnly.TryParseExact(query["start_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(query["end_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return Json(new { code = 1, message = "start_date and end_date are required, as YYYY-MM-DD." }, 400);
        }
        if (start < today.AddDays(-90) || end < start || end > start.AddDays(90))
        {
            return Json(new { code = 1, message = "start_date cannot be more than 90 days back from today, end_date not before it nor more than 90 days past it." }, 400);
        }
        var metrics = query["metric_types"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (metrics.Length == 0 || metrics.Any(m => !PinMetricTypes.Contains(m)))
        {
            return Json(new { code = 1, message = $"metric_types must list values of: {string.Join(", ", PinMetricTypes)}" }, 400);
        }
        if (pins.FirstOrDefault(p => p.Id == pinId) is not { } pin)
        {
            return Json(new { code = 50, message = "Pin not found." }, 404);
        }
        return await StepAsync(context, Steps.PinAnalytics, () =>
        {
            var figures = Analytics.GetValueOrDefault(pin.Id) ?? new Dictionary<string, long>();
            var totals = metrics.ToDictionary(m => m, m => figures.GetValueOrDefault(m));
            // The pin's figures all fall on the last day of the range; earlier days answer zeros.
            var days = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(d => start.AddDays(d)).Select(day => new
            {
                date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), data_status = "READY",
                metrics = day == end ? totals : metrics.ToDictionary(m => m, _ => 0L),
            }).ToList();
            return Json(new Dictionary<string, object> { ["all"] = new { daily_metrics = days, summary_metrics = totals, lifetime_metrics = totals } });
        });
    }

    private object View(Pin pin) => new
    {
        id = pin.Id, created_at = pin.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), link = pin.Link, title = pin.Title,
        description = pin.Description, alt_text = pin.AltText, board_id = pin.BoardId, board_owner = new { username = Username },
        media = new { media_type = "image", images = new Dictionary<string, object> { ["originals"] = new { url = pin.ImageUrl, width = 1, height = 1 } } },
    };

    /// <summary>
    /// Bearer token and scope, as the v5 reference's security schemes say: a bad token is 401 {"code":2,"message":
    /// "Authentication failed."}; a scope not granted is 401 {"code":3,"message":"Authorization failed."} (Error schema).
    /// </summary>
    private IResult? Authorized(HttpContext context, string scope)
    {
        var (problem, token) = Grants.Check(Bearer(context));
        if (problem != TokenProblem.None)
        {
            return Json(new { code = 2, message = "Authentication failed." }, 401);
        }
        return token!.Scopes.Contains(scope) ? null : Json(new { code = 3, message = $"Authorization failed: {scope} is required." }, 401);
    }


    protected override IResult ServerError(int status, string step) => Json(new { code = 1, message = "Internal error." }, status);

    // v5 reference, rate limits: 429 with the Error schema; Retry-After only when planned.
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) =>
        Json(new { code = 8, message = "You have exceeded your rate limit. Try again later." }, 429,
            RetryAfterHeader(retryAfter));
}

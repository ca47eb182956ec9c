using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.YouTube;

/// <summary>YouTube Data API v3 with Google OAuth (offline access, PKCE S256) and the resumable upload protocol.</summary>
internal sealed class YouTubeClient(HttpClient http, IConfiguration configuration, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, configuration, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.YouTube;

    public override bool UsesPkce => true;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("response_type", "code"),
        ("scope", string.Join(' ', Options.ScopeList)), ("state", state), ("access_type", "offline"),
        ("include_granted_scopes", "true"), ("prompt", "consent"), ("code_challenge", codeChallenge), ("code_challenge_method", "S256"));

    public override async Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
            ("code", code), ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret), ("redirect_uri", redirectUri),
            ("grant_type", "authorization_code"), ("code_verifier", codeVerifier))), cancellationToken));

    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        account.RefreshToken is null
            ? null
            : ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
                ("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken),
                ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret))), cancellationToken), account.RefreshToken);

    public override async Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        await SendAsync(Request(HttpMethod.Post, Url(Options.RevokeUrl!, ("token", account.RefreshToken ?? account.AccessToken)), content: Form()), cancellationToken);
        return true;
    }

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/youtube/v3/channels?part=snippet,contentDetails&mine=true", tokens.AccessToken), cancellationToken);
        return Items(json).Select(channel => new PlatformIdentity(Required(channel, "id"), Required(channel, "snippet", "title"),
            Optional(channel, "snippet", "customUrl"), Optional(channel, "snippet", "thumbnails", "default", "url"), tokens,
            new Dictionary<string, string> { ["uploads_playlist"] = Optional(channel, "contentDetails", "relatedPlaylists", "uploads") ?? "" })).ToList();
    }

    /// <summary>Starts a resumable session (metadata), then PUTs the bytes to the session URI from <c>Location</c>.</summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var video = content.MediaItems[0];
        var bytes = await DownloadAsync(video, cancellationToken);
        var start = Request(HttpMethod.Post, $"{Api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status", account.AccessToken, Json(new
        {
            snippet = new { title = content.Title, description = content.Text ?? "" },
            status = new { privacyStatus = content.PrivacyLevel ?? "private" },
        }));
        start.Headers.Add("X-Upload-Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture));
        start.Headers.Add("X-Upload-Content-Type", video.ContentType);
        var session = Header(await SendAsync(start, cancellationToken), "Location")
            ?? throw Fail(PlatformErrorKind.Transient, "YouTube did not return an upload session.");
        var upload = Request(HttpMethod.Put, session, account.AccessToken, new ByteArrayContent(bytes));
        upload.Content!.Headers.ContentType = new MediaTypeHeaderValue(video.ContentType);
        try
        {
            return Published(await SendJsonAsync(upload, cancellationToken));
        }
        catch (PlatformException interrupted) when (interrupted.Kind == PlatformErrorKind.Transient)
        {
            return await ResumeAsync(session, account.AccessToken, bytes, video.ContentType, interrupted, cancellationToken);
        }
    }

    /// <summary>
    /// After a cut, timed-out or 5xx upload the session may hold some or all of the bytes (the video may even exist):
    /// ask it (an empty PUT with <c>Content-Range: bytes */N</c>), then send only what it lacks. It answers 200/201 with
    /// the video once every byte arrived, or 308 with <c>Range: bytes=0-K</c> for what it has
    /// (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol, "Step 4 - Resume an interrupted upload").
    /// A failed status query ends the attempt; the next one looks the video up before uploading again.
    /// </summary>
    private async Task<PublishedPost> ResumeAsync(
        string session, string token, byte[] bytes, string contentType, PlatformException interrupted, CancellationToken cancellationToken)
    {
        for (var resume = 0; resume < MaxResumes; resume++)
        {
            var ask = Request(HttpMethod.Put, session, token, new ByteArrayContent([]));
            ask.Content!.Headers.ContentRange = new ContentRangeHeaderValue(bytes.Length);
            var status = await SendAcceptingAsync(ask, ResumeIncomplete, cancellationToken);
            if (status.Status != ResumeIncomplete)
            {
                return Published(Parse(status));
            }
            var next = ReceivedThrough(status) + 1;
            var rest = Request(HttpMethod.Put, session, token, new ByteArrayContent(bytes, (int)next, bytes.Length - (int)next));
            rest.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            rest.Content.Headers.ContentRange = new ContentRangeHeaderValue(next, bytes.Length - 1, bytes.Length);
            try
            {
                return Published(await SendJsonAsync(rest, cancellationToken));
            }
            catch (PlatformException again) when (again.Kind == PlatformErrorKind.Transient)
            {
                interrupted = again;
            }
        }
        throw interrupted;
    }

    private const int MaxResumes = 3;

    private const HttpStatusCode ResumeIncomplete = (HttpStatusCode)308;

    /// <summary>The last byte the session holds, from <c>Range: bytes=0-K</c>; -1 when it names none (nothing arrived).</summary>
    private static long ReceivedThrough(Answer incomplete) =>
        Header(incomplete, "Range") is { } range && range.LastIndexOf('-') is var dash and > 0 &&
        long.TryParse(range[(dash + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var last)
            ? last
            : -1;

    private PublishedPost Published(JsonElement video)
    {
        var id = Required(video, "id");
        return new PublishedPost(id, $"https://www.youtube.com/watch?v={id}");
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/youtube/v3/videos?{Query(("part", "statistics"), ("id", platformPostId))}", account.AccessToken), cancellationToken);
        var video = Items(json).FirstOrDefault();
        return new PostMetrics(platformPostId,
            Views: OptionalLong(video, "statistics", "viewCount"), Likes: OptionalLong(video, "statistics", "likeCount"),
            Comments: OptionalLong(video, "statistics", "commentCount"));
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        var playlist = account.Metadata.GetValueOrDefault("uploads_playlist") ?? "";
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/youtube/v3/playlistItems?{Query(("part", "snippet,contentDetails"),
            ("playlistId", playlist), ("maxResults", Math.Clamp(limit, 1, 50).ToString(CultureInfo.InvariantCulture)))}", account.AccessToken), cancellationToken);
        return Items(json).Select(item =>
        {
            var id = Required(item, "contentDetails", "videoId");
            // The post's text went out as snippet.description (the title is the target's own option), so that is what
            // reconciliation must compare (https://developers.google.com/youtube/v3/docs/playlistItems#snippet.description).
            return new RecentPost(id, Optional(item, "snippet", "description"),
                Optional(item, "contentDetails", "videoPublishedAt") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null,
                $"https://www.youtube.com/watch?v={id}");
        }).ToList();
    }

    private static IEnumerable<JsonElement> Items(JsonElement json) =>
        json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [];

    /// <summary><c>{"error":{"code","message","errors":[{"reason"}]}}</c>; the token endpoint speaks RFC 6749.</summary>
    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is { } oauth && oauth.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String)
        {
            return OAuthError(answer);
        }
        var reason = json is { } j && j.TryGetProperty("error", out var error) && error.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
            ? Optional(errors[0], "reason")
            : null;
        // error.message is Google's own explanation; the reason code alone means nothing to the user.
        var explanation = json is { } m && m.TryGetProperty("error", out var described) && described.ValueKind == JsonValueKind.Object
            ? Optional(described, "message")
            : null;
        var message = $"YouTube answered {(int)answer.Status}: {explanation ?? reason ?? "no reason"}" + (explanation is not null && reason is not null ? $" ({reason})" : "");
        return reason switch
        {
            // The daily quota (and the channel's daily upload allowance) come back only when the day turns in Pacific time.
            "quotaExceeded" or "uploadLimitExceeded" =>
                Fail(PlatformErrorKind.RateLimited, message, RetryAfter(answer) ?? UntilPacificMidnight(), reason),
            // Too many requests in a short span: Google asks for a retry with backoff, not a wait for the next day
            // (https://developers.google.com/youtube/v3/docs/core_errors, "rateLimitExceeded", "userRateLimitExceeded").
            "rateLimitExceeded" or "userRateLimitExceeded" =>
                Fail(PlatformErrorKind.RateLimited, message, RetryAfter(answer) ?? ShortRateLimitWait, reason),
            "invalidTitle" or "invalidDescription" or "invalidTags" or "invalidCategoryId" or "mediaBodyRequired" =>
                Fail(PlatformErrorKind.ContentRejected, message, code: reason),
            _ when answer.Status == HttpStatusCode.Unauthorized => Fail(PlatformErrorKind.TokenExpired, message, code: reason),
            _ => FromStatus(answer, message, reason),
        };
    }

    /// <summary>How long to wait after a short-term rate limit that names no Retry-After.</summary>
    internal static readonly TimeSpan ShortRateLimitWait = TimeSpan.FromMinutes(1);

    /// <summary>YouTube quotas reset at midnight Pacific time.</summary>
    private TimeSpan UntilPacificMidnight()
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
            var local = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone);
            return local.Date.AddDays(1) - local.DateTime;
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeSpan.FromHours(24);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.YouTube;

/// <summary>YouTube Data API v3 with Google OAuth (offline access, PKCE S256) and the resumable upload protocol.</summary>
internal sealed class YouTubeClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
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

    /// <summary>Journal step: the resumable upload session's URI, where a later attempt asks what arrived and sends the rest.</summary>
    internal const string SessionStep = "youtube.upload_session";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    /// <summary>
    /// Starts a resumable session (metadata), records its URI from <c>Location</c>, then PUTs the bytes to it. With a
    /// session from an earlier attempt, asks it what it holds and sends only the rest (or takes the video it already
    /// made); a session YouTube no longer knows is started anew.
    /// </summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        var video = content.MediaItems[0];
        var bytes = await DownloadAsync(video, cancellationToken);
        if (journal.Find(SessionStep) is { } known && await AskSessionAsync(known, account.AccessToken, bytes.Length, cancellationToken) is { } held)
        {
            return held.Video ?? await UploadAsync(known, account.AccessToken, bytes, video.ContentType, held.Received, cancellationToken);
        }
        var start = Request(HttpMethod.Post, $"{Api}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status", account.AccessToken, Json(new
        {
            snippet = new { title = content.Title, description = content.Text ?? "" },
            status = new { privacyStatus = content.PrivacyLevel ?? "private" },
        }));
        start.Headers.Add("X-Upload-Content-Length", bytes.Length.ToString(CultureInfo.InvariantCulture));
        start.Headers.Add("X-Upload-Content-Type", video.ContentType);
        var session = Header(await SendAsync(start, cancellationToken), "Location")
            ?? throw Fail(PlatformErrorKind.Transient, "YouTube did not return an upload session.");
        await journal.RecordAsync(SessionStep, session, cancellationToken);
        return await UploadAsync(session, account.AccessToken, bytes, video.ContentType, from: 0, cancellationToken);
    }

    /// <summary>
    /// YouTube's answer for a video whose answer was lost: the recorded session, asked with <c>bytes */N</c>, answers the
    /// video once every byte arrived (its id is the post) or what it still lacks (the next publish sends it). Without a
    /// session, or with one YouTube no longer knows, the channel's uploads are read and matched by the title and
    /// description sent (https://developers.google.com/youtube/v3/docs/playlistItems/list, <c>snippet.title</c>,
    /// <c>snippet.description</c>).
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        var total = content.MediaItems.FirstOrDefault()?.SizeBytes ?? 0;
        if (journal.Find(SessionStep) is { } session && total > 0 && await AskSessionAsync(session, account.AccessToken, total, cancellationToken) is { } held)
        {
            return held.Video is { } video ? ReconcileResult.Found(video) : ReconcileResult.Absent;
        }
        var playlist = account.Metadata.GetValueOrDefault("uploads_playlist") ?? "";
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/youtube/v3/playlistItems?{Query(("part", "snippet,contentDetails"),
            ("playlistId", playlist), ("maxResults", "50"))}", account.AccessToken), cancellationToken);
        var ours = Items(json).Select(item => new Upload(
                Required(item, "contentDetails", "videoId"), Optional(item, "snippet", "title"), Optional(item, "snippet", "description"),
                Optional(item, "contentDetails", "videoPublishedAt") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null))
            .FirstOrDefault(upload => IsOurs(upload, content, lostSince));
        return ours is null ? ReconcileResult.Absent : ReconcileResult.Found(new PublishedPost(ours.VideoId, $"https://www.youtube.com/watch?v={ours.VideoId}"));
    }

    /// <summary>An upload as the channel's uploads playlist shows it.</summary>
    internal sealed record Upload(string VideoId, string? Title, string? Description, DateTimeOffset? PublishedAt);

    /// <summary>Ours when the title is the one sent and the description is the post's text (none when the text was empty).</summary>
    internal static bool IsOurs(Upload upload, PostContent content, DateTimeOffset lostSince) =>
        PostMatch.IsRecentEnough(upload.PublishedAt, lostSince) &&
        PostMatch.SameField(upload.Title, content.Title) &&
        (string.IsNullOrWhiteSpace(content.Text) ? string.IsNullOrWhiteSpace(upload.Description) : PostMatch.SameText(upload.Description, content.Text));

    /// <summary>What a session holds: the video once complete, else how many bytes arrived.</summary>
    private sealed record SessionHolds(PublishedPost? Video, long Received);

    /// <summary>
    /// The status query (an empty PUT with <c>Content-Range: bytes */N</c>): 200/201 with the video, or 308 with
    /// <c>Range: bytes=0-K</c> for what arrived; null when the session is gone (a 404: "the upload session has expired and
    /// the upload must be restarted from the beginning")
    /// (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol, "Step 4 - Resume an interrupted upload").
    /// </summary>
    private async Task<SessionHolds?> AskSessionAsync(string session, string token, long total, CancellationToken cancellationToken)
    {
        var ask = Request(HttpMethod.Put, session, token, new ByteArrayContent([]));
        ask.Content!.Headers.ContentRange = new ContentRangeHeaderValue(total);
        Answer status;
        try
        {
            status = await SendAcceptingAsync(ask, ResumeIncomplete, cancellationToken);
        }
        catch (PlatformException gone) when (gone.Kind == PlatformErrorKind.Permanent)
        {
            return null;
        }
        return status.Status == ResumeIncomplete ? new SessionHolds(null, ReceivedThrough(status) + 1) : new SessionHolds(Published(Parse(status)), total);
    }

    /// <summary>PUTs the bytes from <paramref name="from"/> on; after a cut, timed-out or 5xx PUT, asks the session and sends what it lacks.</summary>
    private async Task<PublishedPost> UploadAsync(string session, string token, byte[] bytes, string contentType, long from, CancellationToken cancellationToken)
    {
        for (var resume = 0; ; resume++)
        {
            var rest = Request(HttpMethod.Put, session, token, new ByteArrayContent(bytes, (int)from, bytes.Length - (int)from));
            rest.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            if (from > 0)
            {
                rest.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, bytes.Length - 1, bytes.Length);
            }
            try
            {
                return Published(await SendJsonAsync(rest, cancellationToken));
            }
            catch (PlatformException interrupted) when (interrupted.Kind == PlatformErrorKind.Transient && resume < MaxResumes)
            {
                // A failed status query ends the attempt; the next one asks the recorded session again.
                var held = await AskSessionAsync(session, token, bytes.Length, cancellationToken);
                if (held is null)
                {
                    throw;
                }
                if (held.Video is { } video)
                {
                    return video;
                }
                from = held.Received;
            }
        }
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

    /// <summary>
    /// The channel's <c>statistics.subscriberCount</c> (https://developers.google.com/youtube/v3/docs/channels#statistics);
    /// a channel that hides it (<c>statistics.hiddenSubscriberCount</c>) has no figure rather than a zero. Asked with
    /// <c>mine=true</c> as at connection: the token is the channel's own grant (https://developers.google.com/youtube/v3/docs/channels/list).
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/youtube/v3/channels?{Query(("part", "statistics"), ("mine", "true"))}",
            account.AccessToken), cancellationToken);
        var channel = Items(json).FirstOrDefault(c => Optional(c, "id") == account.ExternalId);
        if (channel.ValueKind != JsonValueKind.Object)
        {
            throw Fail(PlatformErrorKind.Permanent, $"The token no longer reaches YouTube channel {account.ExternalId}; reconnect the account.");
        }
        var hidden = channel.TryGetProperty("statistics", out var statistics) && statistics.TryGetProperty("hiddenSubscriberCount", out var flag)
            && flag.ValueKind == JsonValueKind.True;
        return new AccountMetrics(hidden ? null : OptionalLong(channel, "statistics", "subscriberCount"));
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

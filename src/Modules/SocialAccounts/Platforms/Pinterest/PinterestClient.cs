using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>Pinterest API v5: OAuth with HTTP Basic client auth and continuous refresh, pins from an image URL or an uploaded video.</summary>
internal sealed class PinterestClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Pinterest;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("response_type", "code"),
        ("scope", string.Join(',', Options.ScopeList)), ("state", state));

    public override Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync(Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectUri)), null, cancellationToken);

    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        if (account.RefreshToken is null)
        {
            return null;
        }
        try
        {
            return await TokenAsync(Form(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken)), account.RefreshToken, cancellationToken);
        }
        catch (PlatformException refused) when (refused.Kind is PlatformErrorKind.ContentRejected or PlatformErrorKind.TokenExpired or PlatformErrorKind.Permanent)
        {
            throw Fail(PlatformErrorKind.TokenRevoked, $"Pinterest refused the refresh token: {refused.Message}", code: refused.PlatformCode);
        }
    }

    /// <summary>Revocation exists only for system-user tokens; user grants are withdrawn in Pinterest's settings.</summary>
    public override Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken) => Task.FromResult(false);

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/user_account", tokens.AccessToken), cancellationToken);
        var username = Required(json, "username");
        return [new PlatformIdentity(Optional(json, "id") ?? username, Optional(json, "business_name") ?? username, username,
            Optional(json, "profile_image"), tokens, new Dictionary<string, string>())];
    }

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var media = content.MediaItems[0];
        var source = content.MediaItems is [{ Kind: MediaKind.Video } video, var cover]
            ? await VideoSourceAsync(account, video, cover, cancellationToken)
            : new { source_type = "image_url", url = media.Url };
        var json = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/v5/pins", account.AccessToken, Json(new
        {
            board_id = content.BoardId,
            title = content.Title,
            description = content.Text,
            link = content.Link,
            alt_text = media.AltText,
            media_source = source,
        })), cancellationToken);
        var id = Required(json, "id");
        return new PublishedPost(id, $"https://www.pinterest.com/pin/{id}/");
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        // https://developers.pinterest.com/docs/api/v5/pins-analytics: metric_types is required and start_date may be at most
        // 90 days back, so the figures are the pin's last 90 days (summary_metrics, the range's totals), which for the
        // schedule's slots (the first weeks after publishing) is the pin's whole life.
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var query = $"start_date={today.AddDays(-89).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&end_date={today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            + "&metric_types=IMPRESSION,PIN_CLICK,OUTBOUND_CLICK,SAVE,TOTAL_REACTIONS,TOTAL_COMMENTS";
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/pins/{Uri.EscapeDataString(platformPostId)}/analytics?{query}", account.AccessToken), cancellationToken);
        var summary = json.TryGetProperty("all", out var all) && all.TryGetProperty("summary_metrics", out var s) ? s : default;
        var outbound = OptionalLong(summary, "OUTBOUND_CLICK");
        return new PostMetrics(platformPostId,
            Impressions: OptionalLong(summary, "IMPRESSION"), Clicks: OptionalLong(summary, "PIN_CLICK"),
            Likes: OptionalLong(summary, "TOTAL_REACTIONS"), Comments: OptionalLong(summary, "TOTAL_COMMENTS"), Saves: OptionalLong(summary, "SAVE"),
            Other: outbound is { } clicks ? new Dictionary<string, long> { ["outbound_click"] = clicks } : null);
    }

    /// <summary>
    /// <c>follower_count</c> of the token's user account (https://developers.pinterest.com/docs/api/v5/user_account-get,
    /// scope user_accounts:read).
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        new(OptionalLong(await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/user_account", account.AccessToken), cancellationToken), "follower_count"));

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        // The post's text went out as the pin's description (the title is a separate option), so that is what matches.
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/pins?page_size={Math.Clamp(limit, 1, 250).ToString(CultureInfo.InvariantCulture)}", account.AccessToken), cancellationToken);
        return json.GetProperty("items").EnumerateArray().Select(p => new RecentPost(Required(p, "id"), Optional(p, "description"),
            Optional(p, "created_at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null,
            $"https://www.pinterest.com/pin/{Required(p, "id")}/")).ToList();
    }

    /// <summary>
    /// A pin is identified by what <c>POST /v5/pins</c> took and the pin shows back: board, title, description and link
    /// (https://developers.pinterest.com/docs/api/v5/pins-list: <c>items[]{id, created_at, board_id, title, description, link}</c>).
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/pins?page_size={PostMatch.RecentCount.ToString(CultureInfo.InvariantCulture)}", account.AccessToken), cancellationToken);
        var pins = json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(p => new ShownPin(Required(p, "id"), Optional(p, "board_id"), Optional(p, "title"), Optional(p, "description"), Optional(p, "link"),
                Optional(p, "created_at") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null))
            : [];
        return pins.FirstOrDefault(pin => IsOurs(pin, content, lostSince)) is { } ours
            ? ReconcileResult.Found(new PublishedPost(ours.Id, $"https://www.pinterest.com/pin/{ours.Id}/"))
            : ReconcileResult.Absent;
    }

    /// <summary>A pin as the pins listing shows it.</summary>
    internal sealed record ShownPin(string Id, string? BoardId, string? Title, string? Description, string? Link, DateTimeOffset? CreatedAt);

    /// <summary>Ours when it is on the board we pinned to with the title, description and link we sent (each empty when we sent none).</summary>
    internal static bool IsOurs(ShownPin pin, PostContent content, DateTimeOffset lostSince) =>
        PostMatch.IsRecentEnough(pin.CreatedAt, lostSince) &&
        string.Equals(pin.BoardId, content.BoardId, StringComparison.Ordinal) &&
        PostMatch.SameField(pin.Title, content.Title) &&
        PostMatch.SameField(pin.Link, content.Link) &&
        (string.IsNullOrWhiteSpace(content.Text) ? string.IsNullOrWhiteSpace(pin.Description) : PostMatch.SameText(pin.Description, content.Text));

    /// <summary>
    /// One page of the account's boards (https://developers.pinterest.com/docs/api/v5/boards-list: <c>GET /v5/boards</c>
    /// with <c>page_size</c> up to 250 and the previous answer's <c>bookmark</c>; it answers <c>{items, bookmark}</c>,
    /// the bookmark null on the last page).
    /// </summary>
    public async Task<PinterestBoardPage> ListBoardsAsync(AccountCredentials account, string? bookmark, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/boards?{Query(("page_size", "250"), ("bookmark", bookmark))}", account.AccessToken), cancellationToken);
        var boards = json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(b => new PinterestBoard(Required(b, "id"), Optional(b, "name") ?? "", Optional(b, "description"), Optional(b, "privacy"))).ToList()
            : [];
        return new PinterestBoardPage(boards, Optional(json, "bookmark") is { Length: > 0 } next ? next : null);
    }

    /// <summary>
    /// A video pin: register the upload, POST the file to the answered URL in a form carrying every answered upload
    /// parameter (the file last), wait until Pinterest has processed it, then pin it by media id with its cover image.
    /// </summary>
    private async Task<object> VideoSourceAsync(AccountCredentials account, MediaItem video, MediaItem cover, CancellationToken cancellationToken)
    {
        var registered = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/v5/media", account.AccessToken, Json(new { media_type = "video" })), cancellationToken);
        var mediaId = Required(registered, "media_id");
        var form = new MultipartFormDataContent();
        if (registered.TryGetProperty("upload_parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in parameters.EnumerateObject())
            {
                var field = new StringContent(parameter.Value.GetString() ?? "");
                field.Headers.ContentType = null;
                form.Add(field, parameter.Name);
            }
        }
        var file = new ByteArrayContent(await DownloadAsync(video, cancellationToken));
        file.Headers.ContentType = new(video.ContentType);
        form.Add(file, "file", "video");
        await SendAsync(Request(HttpMethod.Post, Required(registered, "upload_url"), content: form), cancellationToken);
        await WaitUntilProcessedAsync(account, mediaId, cancellationToken);
        return new { source_type = "video_id", cover_image_url = cover.Url, media_id = mediaId };
    }

    /// <summary>registered → processing → succeeded, or failed when Pinterest could not use the file.</summary>
    private async Task WaitUntilProcessedAsync(AccountCredentials account, string mediaId, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < Options.MaxPolls; poll++)
        {
            var media = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/v5/media/{Uri.EscapeDataString(mediaId)}", account.AccessToken), cancellationToken);
            switch (Optional(media, "status"))
            {
                case "succeeded":
                    return;
                case "failed":
                    throw Fail(PlatformErrorKind.ContentRejected, "Pinterest could not process the video.");
            }
            await Task.Delay(TimeSpan.FromSeconds(Options.PollIntervalSeconds), Clock, cancellationToken);
        }
        throw Fail(PlatformErrorKind.Transient, "Pinterest was still processing the video; try publishing again later.");
    }

    private async Task<TokenSet> TokenAsync(FormUrlEncodedContent form, string? previousRefresh, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, Options.TokenUrl, content: form);
        request.Headers.Authorization = BasicClientAuth();
        return ReadTokenAnswer(await SendJsonAsync(request, cancellationToken), previousRefresh);
    }

    /// <summary><c>{"code": int, "message"}</c> with the HTTP status saying the class.</summary>
    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        var code = json is { } j ? Optional(j, "code") : null;
        var message = $"Pinterest answered {(int)answer.Status}: {(json is { } m ? Optional(m, "message") : null) ?? "no detail"}";
        return answer.Status == HttpStatusCode.BadRequest
            ? Fail(PlatformErrorKind.ContentRejected, message, code: code)
            : FromStatus(answer, message, code);
    }
}

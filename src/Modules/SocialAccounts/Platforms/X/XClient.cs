using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.X;

/// <summary>X API v2: OAuth 2.0 with PKCE (S256, confidential client), /2/tweets, chunked /2/media/upload.</summary>
internal sealed class XClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
{
    private const int ChunkBytes = 4 * 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.X;

    public override bool UsesPkce => true;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("response_type", "code"), ("client_id", Options.ClientId), ("redirect_uri", redirectUri),
        ("scope", string.Join(' ', Options.ScopeList)), ("state", state),
        ("code_challenge", codeChallenge), ("code_challenge_method", "S256"));

    public override Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        TokenAsync(Form(("code", code), ("grant_type", "authorization_code"), ("redirect_uri", redirectUri), ("code_verifier", codeVerifier)), null, cancellationToken);

    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        account.RefreshToken is null
            ? null
            : await TokenAsync(Form(("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken)), account.RefreshToken, cancellationToken);

    /// <summary>
    /// Revokes the refresh token and the access token, each by its own request
    /// (https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token, "POST oauth2/revoke"):
    /// revoking one leaves the other usable until it expires.
    /// </summary>
    public override async Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        if (account.RefreshToken is { } refresh)
        {
            await RevokeTokenAsync(refresh, "refresh_token", cancellationToken);
        }
        await RevokeTokenAsync(account.AccessToken, "access_token", cancellationToken);
        return true;
    }

    private async Task RevokeTokenAsync(string token, string hint, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, Options.RevokeUrl!, content: Form(("token", token), ("token_type_hint", hint)));
        request.Headers.Authorization = BasicClientAuth();
        await SendAsync(request, cancellationToken);
    }

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/2/users/me?user.fields=profile_image_url,username,name", tokens.AccessToken), cancellationToken);
        var id = Required(json, "data", "id");
        return [new PlatformIdentity(id, Required(json, "data", "name"), Optional(json, "data", "username"),
            Optional(json, "data", "profile_image_url"), tokens, new Dictionary<string, string>())];
    }

    /// <summary>Journal step: the media id uploaded for the post's <paramref name="index"/>th media item, with its expiry.</summary>
    internal static string MediaStep(int index) => $"x.media.{index.ToString(CultureInfo.InvariantCulture)}";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    /// <summary>Media an earlier attempt uploaded are reused while X keeps their ids; each new upload is recorded before the post is created.</summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        var mediaIds = new List<string>();
        for (var index = 0; index < content.MediaItems.Count; index++)
        {
            if (UploadedMedia.Parse(journal.Find(MediaStep(index))) is { } kept && kept.IsReusableAt(Clock.GetUtcNow()))
            {
                mediaIds.Add(kept.Id);
                continue;
            }
            var item = content.MediaItems[index];
            var uploaded = await BeforeCreateAsync(() => UploadAsync(account, item, cancellationToken));
            await journal.RecordAsync(MediaStep(index), uploaded.Format(), cancellationToken);
            mediaIds.Add(uploaded.Id);
        }
        var text = XPostText.Compose(content.Text, content.Link);
        object body = mediaIds.Count > 0
            ? new { text, media = new { media_ids = mediaIds } }
            : new { text };
        var json = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/2/tweets", account.AccessToken, Json(body)), cancellationToken);
        var id = Required(json, "data", "id");
        return new PublishedPost(id, PostUrl(account, id));
    }

    /// <summary>
    /// X's answer for a post whose answer was lost: the account's latest posts with their <c>attachments.media_keys</c>
    /// (https://docs.x.com/x-api/users/get-posts, https://docs.x.com/x-api/fundamentals/data-dictionary). A post with
    /// media is ours when it carries the media ids this post uploaded (no other post can); one without, by its text.
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        var recorded = Enumerable.Range(0, content.MediaItems.Count).Select(i => UploadedMedia.Parse(journal.Find(MediaStep(i)))?.Id).ToList();
        // Until every item is uploaded the post was not sent; its text is still looked for, as for a post without media.
        IReadOnlyList<string> media = recorded.Count > 0 && recorded.All(id => id is not null) ? [.. recorded.OfType<string>()] : [];
        var json = await SendJsonAsync(Request(HttpMethod.Get,
            $"{Api}/2/users/{Uri.EscapeDataString(account.ExternalId)}/tweets?{Query(("max_results", PostMatch.RecentCount.ToString(CultureInfo.InvariantCulture)), ("tweet.fields", "created_at,attachments"))}",
            account.AccessToken), cancellationToken);
        var posts = json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(t => new TimelinePost(Required(t, "id"), Optional(t, "text"),
                t.TryGetProperty("attachments", out var a) && a.TryGetProperty("media_keys", out var keys) && keys.ValueKind == JsonValueKind.Array
                    ? [.. keys.EnumerateArray().Select(k => k.GetString() ?? "")]
                    : [],
                Optional(t, "created_at") is { } created ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture) : null))
            : [];
        return posts.FirstOrDefault(p => IsOurs(p, XPostText.Compose(content.Text, content.Link), media, lostSince)) is { } ours
            ? ReconcileResult.Found(new PublishedPost(ours.Id, PostUrl(account, ours.Id)))
            : ReconcileResult.Absent;
    }

    /// <summary>A post as the user's timeline shows it.</summary>
    internal sealed record TimelinePost(string Id, string? Text, IReadOnlyList<string> MediaKeys, DateTimeOffset? CreatedAt);

    /// <summary>
    /// With our media ids known: the post names one of them (a media key is the media's type, an underscore and its id).
    /// Otherwise: the text matches.
    /// </summary>
    internal static bool IsOurs(TimelinePost post, string? text, IReadOnlyList<string> mediaIds, DateTimeOffset lostSince) =>
        PostMatch.IsRecentEnough(post.CreatedAt, lostSince) &&
        (mediaIds.Count > 0
            ? post.MediaKeys.Any(key => mediaIds.Any(id => key.EndsWith("_" + id, StringComparison.Ordinal)))
            : PostMatch.SameText(post.Text, text));

    private static string? PostUrl(AccountCredentials account, string id) => account.Handle is { } handle ? $"https://x.com/{handle}/status/{id}" : null;

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get,
            $"{Api}/2/tweets/{Uri.EscapeDataString(platformPostId)}?tweet.fields=public_metrics", account.AccessToken), cancellationToken);
        // A deleted or unknown post answers 200 with only errors[] (https://docs.x.com/x-api/fundamentals/response-codes-and-errors#partial-errors).
        if (!json.TryGetProperty("data", out var data))
        {
            throw Fail(PlatformErrorKind.Permanent, $"X has no metrics for post {platformPostId}: {Reasons(json) ?? "no detail"}");
        }
        var metrics = data.TryGetProperty("public_metrics", out var m) ? m : default;
        return new PostMetrics(platformPostId,
            Impressions: OptionalLong(metrics, "impression_count"),
            Likes: OptionalLong(metrics, "like_count"),
            Comments: OptionalLong(metrics, "reply_count"),
            Shares: (OptionalLong(metrics, "retweet_count") ?? 0) + (OptionalLong(metrics, "quote_count") ?? 0),
            Other: new Dictionary<string, long> { ["bookmark_count"] = OptionalLong(metrics, "bookmark_count") ?? 0 });
    }

    /// <summary>
    /// The authenticated user's <c>public_metrics.followers_count</c>, asked with <c>user.fields=public_metrics</c>
    /// (https://docs.x.com/x-api/users/lookup/quickstart/authenticated-lookup).
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/2/users/me?user.fields=public_metrics", account.AccessToken), cancellationToken);
        return new AccountMetrics(OptionalLong(json, "data", "public_metrics", "followers_count"));
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        var json = await SendJsonAsync(Request(HttpMethod.Get,
            $"{Api}/2/users/{Uri.EscapeDataString(account.ExternalId)}/tweets?{Query(("max_results", Math.Clamp(limit, 5, 100).ToString(CultureInfo.InvariantCulture)), ("tweet.fields", "created_at"))}",
            account.AccessToken), cancellationToken);
        if (!json.TryGetProperty("data", out var data))
        {
            return [];
        }
        return data.EnumerateArray().Select(t => new RecentPost(Required(t, "id"), Optional(t, "text"),
            Optional(t, "created_at") is { } created ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture) : null,
            account.Handle is { } handle ? $"https://x.com/{handle}/status/{Required(t, "id")}" : null)).ToList();
    }

    /// <summary>initialize → append (4 MB segments) → finalize → poll STATUS while processing.</summary>
    private async Task<UploadedMedia> UploadAsync(AccountCredentials account, MediaItem media, CancellationToken cancellationToken)
    {
        var bytes = await DownloadAsync(media, cancellationToken);
        var initializedAt = Clock.GetUtcNow();
        var category = media.Kind switch { MediaKind.Video => "tweet_video", MediaKind.Gif => "tweet_gif", _ => "tweet_image" };
        var init = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/2/media/upload/initialize", account.AccessToken,
            Json(new { media_type = media.ContentType, total_bytes = bytes.Length, media_category = category })), cancellationToken);
        var id = Required(init, "data", "id");
        // Without expires_after_secs the id is not known to last: it is used now and never reused.
        var expiresAt = initializedAt.AddSeconds(OptionalLong(init, "data", "expires_after_secs") ?? 0);
        for (var (offset, segment) = (0, 0); offset < bytes.Length; offset += ChunkBytes, segment++)
        {
            var part = new MultipartFormDataContent
            {
                { new ByteArrayContent(bytes, offset, Math.Min(ChunkBytes, bytes.Length - offset)), "media", "media" },
                { new StringContent(segment.ToString(CultureInfo.InvariantCulture)), "segment_index" },
            };
            await SendAsync(Request(HttpMethod.Post, $"{Api}/2/media/upload/{id}/append", account.AccessToken, part), cancellationToken);
        }
        var finalized = await SendJsonAsync(Request(HttpMethod.Post, $"{Api}/2/media/upload/{id}/finalize", account.AccessToken), cancellationToken);
        var processing = finalized.GetProperty("data").TryGetProperty("processing_info", out var info) ? info : (JsonElement?)null;
        for (var attempt = 0; processing is { } p && attempt < 60; attempt++)
        {
            var state = Optional(p, "state");
            if (state == "succeeded")
            {
                break;
            }
            if (state == "failed")
            {
                throw Fail(PlatformErrorKind.ContentRejected, "X could not process the media file.");
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(OptionalLong(p, "check_after_secs") ?? 1, 0, 30)), Clock, cancellationToken);
            var status = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/2/media/upload?command=STATUS&media_id={id}", account.AccessToken), cancellationToken);
            processing = status.GetProperty("data").TryGetProperty("processing_info", out var next) ? next : null;
        }
        if (media.AltText is { Length: > 0 } altText && media.Kind is MediaKind.Image or MediaKind.Gif)
        {
            // Alt text is media metadata, set before the post names the media
            // (https://docs.x.com/x-api/media/create-media-metadata: {"id", "metadata": {"alt_text": {"text"}}}).
            await SendAsync(Request(HttpMethod.Post, $"{Api}/2/media/metadata", account.AccessToken,
                Json(new { id, metadata = new { alt_text = new { text = altText } } })), cancellationToken);
        }
        return new UploadedMedia(id, expiresAt);
    }

    private async Task<TokenSet> TokenAsync(FormUrlEncodedContent form, string? previousRefresh, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Post, Options.TokenUrl, content: form);
        request.Headers.Authorization = BasicClientAuth();
        return ReadTokenAnswer(await SendJsonAsync(request, cancellationToken), previousRefresh);
    }

    /// <summary>Problem-details bodies (<c>type</c> https://api.x.com/2/problems/…); the token endpoint speaks RFC 6749.</summary>
    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is { } oauth && Optional(oauth, "error") is not null)
        {
            return OAuthError(answer);
        }
        var type = json is { } j ? Optional(j, "type") : null;
        var detail = json is { } d ? Optional(d, "detail") ?? Optional(d, "title") : null;
        var message = $"X answered {(int)answer.Status}: {Reasons(json) ?? detail ?? "no detail"}";
        if (answer.Status == HttpStatusCode.TooManyRequests)
        {
            var reset = Header(answer, "x-rate-limit-reset") is { } r && long.TryParse(r, CultureInfo.InvariantCulture, out var epoch)
                ? DateTimeOffset.FromUnixTimeSeconds(epoch) - Clock.GetUtcNow()
                : (TimeSpan?)null;
            return Fail(PlatformErrorKind.RateLimited, message, reset is { } t && t > TimeSpan.Zero ? t : RetryAfter(answer), type);
        }
        if (answer.Status == HttpStatusCode.Forbidden && detail?.Contains("duplicate", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Fail(PlatformErrorKind.ContentRejected, message, code: "duplicate");
        }
        if (answer.Status == HttpStatusCode.BadRequest && type?.EndsWith("invalid-request", StringComparison.Ordinal) == true)
        {
            return Fail(PlatformErrorKind.ContentRejected, message, code: type);
        }
        return FromStatus(answer, message, type);
    }

    /// <summary>
    /// An invalid request says only "One or more parameters to your request was invalid." in <c>detail</c>; what was
    /// wrong is in <c>errors[].message</c> (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
    /// </summary>
    private static string? Reasons(JsonElement? json)
    {
        if (json is not { ValueKind: JsonValueKind.Object } body || !body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var messages = errors.EnumerateArray().Select(e => Optional(e, "message") ?? Optional(e, "detail")).OfType<string>().Distinct().ToList();
        return messages.Count > 0 ? string.Join(" ", messages) : null;
    }
}

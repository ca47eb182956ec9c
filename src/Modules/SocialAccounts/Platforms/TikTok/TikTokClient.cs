using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>
/// TikTok Login Kit v2 (client_key, credentials in the form) and the Content Posting API (Direct Post): creator info
/// first, then init (a video pulled from a verified URL or uploaded in chunks, photos pulled), then status until the
/// post is complete.
/// </summary>
internal sealed class TikTokClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, options, rules, clock)
{
    private const int ChunkBytes = 10 * 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.TikTok;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_key", Options.ClientId), ("scope", string.Join(',', Options.ScopeList)), ("response_type", "code"),
        ("redirect_uri", redirectUri), ("state", state));

    public override async Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        WithOpenId(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
            ("client_key", Options.ClientId), ("client_secret", Options.ClientSecret), ("code", code),
            ("grant_type", "authorization_code"), ("redirect_uri", redirectUri))), cancellationToken), null);

    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        account.RefreshToken is null
            ? null
            : WithOpenId(await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
                ("client_key", Options.ClientId), ("client_secret", Options.ClientSecret),
                ("grant_type", "refresh_token"), ("refresh_token", account.RefreshToken))), cancellationToken), account.RefreshToken);

    /// <summary>Revoking the access token also removes the app from the user's connected apps on TikTok.</summary>
    public override async Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        await SendAsync(Request(HttpMethod.Post, Options.RevokeUrl!, content: Form(
            ("client_key", Options.ClientId), ("client_secret", Options.ClientSecret), ("token", account.AccessToken))), cancellationToken);
        return true;
    }

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var json = await ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id,union_id,avatar_url,display_name,username", tokens.AccessToken, null, cancellationToken);
        var user = json.GetProperty("data").GetProperty("user");
        return [new PlatformIdentity(Required(user, "open_id"), Optional(user, "display_name") ?? Required(user, "open_id"), Optional(user, "username"),
            Optional(user, "avatar_url"), tokens, new Dictionary<string, string>())];
    }

    /// <summary>Journal step: the <c>publish_id</c> init answered, TikTok's handle on the post from then on.</summary>
    internal const string PublishIdStep = "tiktok.publish_id";

    /// <summary>Journal step: the <c>upload_url</c> a FILE_UPLOAD init answered, where missing chunks can still go.</summary>
    internal const string UploadUrlStep = "tiktok.upload_url";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    /// <summary>
    /// With a <c>publish_id</c> from an earlier attempt, follows it (uploading the chunks TikTok still lacks) instead of
    /// initializing a second post; only a publish TikTok reports FAILED is started again.
    /// </summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        if (journal.Find(PublishIdStep) is { } known && await ContinueAsync(account, content, journal, known, cancellationToken) is { } continued)
        {
            return continued;
        }
        // TikTok asks for creator info before every post (content-posting-api-reference-direct-post): what it offers may have changed.
        var creator = await QueryCreatorInfoAsync(account, cancellationToken);
        // No default: TikTok's content sharing guidelines have the user choose the privacy level (ContentRules requires it).
        var privacy = content.PrivacyLevel ?? throw Fail(PlatformErrorKind.ContentRejected, "A TikTok post needs the privacy level the user chose.");
        if (!creator.PrivacyLevelOptions.Contains(privacy))
        {
            throw Fail(PlatformErrorKind.ContentRejected, $"Privacy level {privacy} is not offered to this creator ({string.Join(", ", creator.PrivacyLevelOptions)}).");
        }
        // Interactions are off unless the user turned them on (https://developers.tiktok.com/doc/content-sharing-guidelines).
        var allowed = content.Interactions ?? new Interactions();
        var videoInfo = new
        {
            title = content.Text ?? "",
            privacy_level = privacy,
            disable_comment = !allowed.Comments,
            disable_duet = !allowed.Duets,
            disable_stitch = !allowed.Stitches,
        };
        var init = content.MediaItems switch
        {
            [{ Kind: MediaKind.Video } video] when Options.IsVerifiedUrl(video.Url) =>
                await ApiAsync(HttpMethod.Post, "/v2/post/publish/video/init/", account.AccessToken, new
                {
                    post_info = videoInfo,
                    source_info = new { source = "PULL_FROM_URL", video_url = video.Url },
                }, cancellationToken),
            [{ Kind: MediaKind.Video } video] => await UploadVideoAsync(account, videoInfo, video, journal, cancellationToken),
            _ => await ApiAsync(HttpMethod.Post, "/v2/post/publish/content/init/", account.AccessToken, new
            {
                media_type = "PHOTO",
                post_mode = "DIRECT_POST",
                post_info = new { title = content.Title ?? "", description = content.Text ?? "", privacy_level = privacy, disable_comment = !allowed.Comments },
                source_info = new { source = "PULL_FROM_URL", photo_images = content.MediaItems.Select(m => m.Url).ToArray(), photo_cover_index = 0 },
            }, cancellationToken),
        };
        var publishId = Required(init, "data", "publish_id");
        if (journal.Find(PublishIdStep) != publishId)
        {
            await journal.RecordAsync(PublishIdStep, publishId, cancellationToken);
        }
        return await FollowAsync(account, publishId, cancellationToken);
    }

    /// <summary>The creator's current posting options (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).</summary>
    public async Task<TikTokCreatorInfo> QueryCreatorInfoAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var data = (await ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", account.AccessToken, new { }, cancellationToken)).GetProperty("data");
        var options = data.TryGetProperty("privacy_level_options", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToList()
            : [];
        return new TikTokCreatorInfo(Optional(data, "creator_username"), Optional(data, "creator_nickname"), options,
            Flag(data, "comment_disabled"), Flag(data, "duet_disabled"), Flag(data, "stitch_disabled"),
            OptionalLong(data, "max_video_post_duration_sec") is { } seconds ? (int)seconds : null);
    }

    private static bool Flag(JsonElement data, string name) => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>Polls the publish until TikTok completes or fails it; one still in moderation answers its publish id, the handle to follow later.</summary>
    private async Task<PublishedPost> FollowAsync(AccountCredentials account, string publishId, CancellationToken cancellationToken)
    {
        for (var poll = 0; poll < Options.MaxPolls; poll++)
        {
            var status = await StatusAsync(account, publishId, cancellationToken);
            switch (Optional(status, "status"))
            {
                case "PUBLISH_COMPLETE":
                    return Completed(status, publishId);
                case "FAILED":
                    throw Fail(PlatformErrorKind.ContentRejected, $"TikTok did not publish the post ({Optional(status, "fail_reason") ?? "no reason"}).");
            }
            await Task.Delay(TimeSpan.FromSeconds(Options.PollIntervalSeconds), Clock, cancellationToken);
        }
        // Still in moderation: the publish id is the handle to reconcile with later.
        return new PublishedPost(publishId, null);
    }

    /// <summary>
    /// An earlier attempt's publish: complete or on its way (followed), short of chunks (they are sent, then followed), or
    /// failed (null: start again).
    /// </summary>
    private async Task<PublishedPost?> ContinueAsync(AccountCredentials account, PostContent content, PublishJournal journal, string publishId, CancellationToken cancellationToken)
    {
        var status = await StatusAsync(account, publishId, cancellationToken);
        switch (Optional(status, "status"))
        {
            case "PUBLISH_COMPLETE":
                return Completed(status, publishId);
            case "FAILED":
                return null;
            case "PROCESSING_UPLOAD" when content.MediaItems is [{ Kind: MediaKind.Video } video] && journal.Find(UploadUrlStep) is { } uploadUrl:
                var bytes = await DownloadAsync(video, cancellationToken);
                var received = OptionalLong(status, "uploaded_bytes") ?? 0;
                if (received < bytes.Length)
                {
                    await UploadChunksAsync(uploadUrl, bytes, video.ContentType, firstChunk: (int)(received / Chunking(bytes.Length).Size), cancellationToken);
                }
                break;
        }
        return await FollowAsync(account, publishId, cancellationToken);
    }

    /// <summary>
    /// TikTok's answer for a post whose answer was lost: the publish id an earlier attempt recorded is asked with
    /// <c>/v2/post/publish/status/fetch/</c> (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
    /// Without one, only the public video list is left, and it shows nothing but public videos
    /// (https://developers.tiktok.com/doc/tiktok-api-v2-video-list): a private post cannot be looked for.
    /// </summary>
    public override async Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken)
    {
        if (journal.Find(PublishIdStep) is { } publishId)
        {
            var status = await StatusAsync(account, publishId, cancellationToken);
            return Judge(Optional(status, "status"), OptionalLong(status, "uploaded_bytes"), content.MediaItems.FirstOrDefault()?.SizeBytes) switch
            {
                PublishState.Complete => ReconcileResult.Found(Completed(status, publishId)),
                PublishState.OnItsWay => ReconcileResult.Found(new PublishedPost(publishId, null)),
                // Failed, or short of chunks: the publish (continuing that upload) sends what is missing.
                _ => ReconcileResult.Absent,
            };
        }
        if (PostMatch.ByText(await ListRecentPostsAsync(account, PostMatch.RecentCount, cancellationToken), content.Text, lostSince) is { } listed)
        {
            return ReconcileResult.Found(new PublishedPost(listed.PlatformPostId, listed.Url));
        }
        return content.PrivacyLevel == PublicPrivacy
            ? ReconcileResult.Absent
            : ReconcileResult.Unknowable("TikTok's answer to the post's creation was lost before its publish id was known, and TikTok lists only public videos");
    }

    private const string PublicPrivacy = "PUBLIC_TO_EVERYONE";

    internal enum PublishState
    {
        Complete,
        /// <summary>TikTok has everything and will publish (downloading, processing, in moderation).</summary>
        OnItsWay,
        /// <summary>Some chunks never arrived: TikTok waits for them.</summary>
        MissingChunks,
        Failed,
    }

    /// <summary>What a status answer says of a publish; an upload is complete when TikTok counts every byte of the video we sent.</summary>
    internal static PublishState Judge(string? status, long? uploadedBytes, long? videoBytes) => status switch
    {
        "PUBLISH_COMPLETE" => PublishState.Complete,
        "FAILED" => PublishState.Failed,
        "PROCESSING_UPLOAD" when uploadedBytes is null || videoBytes is null || uploadedBytes < videoBytes => PublishState.MissingChunks,
        _ => PublishState.OnItsWay,
    };

    private async Task<JsonElement> StatusAsync(AccountCredentials account, string publishId, CancellationToken cancellationToken) =>
        (await ApiAsync(HttpMethod.Post, "/v2/post/publish/status/fetch/", account.AccessToken, new { publish_id = publishId }, cancellationToken)).GetProperty("data");

    private static PublishedPost Completed(JsonElement status, string publishId)
    {
        var postId = status.TryGetProperty("publicaly_available_post_id", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0
            ? ids[0].ValueKind == JsonValueKind.Number ? ids[0].GetRawText() : ids[0].GetString()
            : null;
        return new PublishedPost(postId ?? publishId, null);
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var json = await ApiAsync(HttpMethod.Post, "/v2/video/query/?fields=id,like_count,comment_count,share_count,view_count", account.AccessToken,
            new { filters = new { video_ids = new[] { platformPostId } } }, cancellationToken);
        var video = json.GetProperty("data").GetProperty("videos").EnumerateArray().FirstOrDefault();
        return new PostMetrics(platformPostId,
            Views: OptionalLong(video, "view_count"), Likes: OptionalLong(video, "like_count"),
            Comments: OptionalLong(video, "comment_count"), Shares: OptionalLong(video, "share_count"));
    }

    /// <summary>
    /// <c>follower_count</c> of the user object, which needs the user.info.stats scope
    /// (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info, "User Object").
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        var json = await ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id,follower_count", account.AccessToken, null, cancellationToken);
        return new AccountMetrics(OptionalLong(json, "data", "user", "follower_count"));
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken)
    {
        var json = await ApiAsync(HttpMethod.Post, "/v2/video/list/?fields=id,title,create_time,share_url", account.AccessToken,
            new { max_count = Math.Clamp(limit, 1, 20) }, cancellationToken);
        return json.GetProperty("data").GetProperty("videos").EnumerateArray().Select(v => new RecentPost(Required(v, "id"), Optional(v, "title"),
            OptionalLong(v, "create_time") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null, Optional(v, "share_url"))).ToList();
    }

    /// <summary>
    /// Direct Post with FILE_UPLOAD: init declares the size and the chunking, then the chunks go in order to the
    /// answered upload_url, each with its Content-Range.
    /// </summary>
    private async Task<JsonElement> UploadVideoAsync(AccountCredentials account, object postInfo, MediaItem video, PublishJournal journal, CancellationToken cancellationToken)
    {
        var bytes = await DownloadAsync(video, cancellationToken);
        var (chunkSize, chunkCount) = Chunking(bytes.Length);
        var init = await ApiAsync(HttpMethod.Post, "/v2/post/publish/video/init/", account.AccessToken, new
        {
            post_info = postInfo,
            source_info = new { source = "FILE_UPLOAD", video_size = bytes.Length, chunk_size = chunkSize, total_chunk_count = chunkCount },
        }, cancellationToken);
        var uploadUrl = Required(init, "data", "upload_url");
        // Known before the first chunk leaves: a later attempt follows this publish and sends only what it lacks.
        await journal.RecordAsync(UploadUrlStep, uploadUrl, cancellationToken);
        await journal.RecordAsync(PublishIdStep, Required(init, "data", "publish_id"), cancellationToken);
        await UploadChunksAsync(uploadUrl, bytes, video.ContentType, firstChunk: 0, cancellationToken);
        return init;
    }

    /// <summary>The chunks from <paramref name="firstChunk"/> on, in order, each with its Content-Range.</summary>
    private async Task UploadChunksAsync(string uploadUrl, byte[] bytes, string contentType, int firstChunk, CancellationToken cancellationToken)
    {
        var (chunkSize, chunkCount) = Chunking(bytes.Length);
        for (var chunk = firstChunk; chunk < chunkCount; chunk++)
        {
            var first = chunk * chunkSize;
            var last = chunk == chunkCount - 1 ? bytes.Length - 1 : first + chunkSize - 1;
            var part = new ByteArrayContent(bytes, first, last - first + 1);
            part.Headers.ContentType = new(contentType);
            part.Headers.ContentRange = new ContentRangeHeaderValue(first, last, bytes.Length);
            await SendAsync(Request(HttpMethod.Put, uploadUrl, content: part), cancellationToken);
        }
    }

    /// <summary>
    /// TikTok takes chunks of 5 to 64 MB, a video under 5 MB whole, and lets the last chunk carry the remainder (up
    /// to 128 MB), so the count rounds down: 10 MB chunks keep every chunk, the last included, inside those bounds.
    /// </summary>
    internal static (int Size, int Count) Chunking(int videoSize) =>
        videoSize < ChunkBytes ? (videoSize, 1) : (ChunkBytes, videoSize / ChunkBytes);

    private TokenSet WithOpenId(JsonElement json, string? previousRefresh) =>
        ReadTokenAnswer(json, previousRefresh) with { Facts = new Dictionary<string, string> { ["open_id"] = Optional(json, "open_id") ?? "" } };

    /// <summary>Every answer carries <c>error{code,message,log_id}</c>; anything but "ok" is a failure, whatever the status.</summary>
    private async Task<JsonElement> ApiAsync(HttpMethod method, string path, string token, object? body, CancellationToken cancellationToken)
    {
        var request = Request(method, Api + path, token, body is null ? null : Json(body));
        var answer = await SendAsync(request, cancellationToken);
        var json = Parse(answer);
        if (Optional(json, "error", "code") is { } code && code != "ok")
        {
            throw MapError(answer);
        }
        return json;
    }

    protected override PlatformException MapError(Answer answer)
    {
        var json = TryParse(answer.Body);
        if (json is { } oauth && oauth.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String)
        {
            return OAuthError(answer);
        }
        var code = json is { } j ? Optional(j, "error", "code") : null;
        var message = $"TikTok answered {(int)answer.Status}: {code ?? "no code"} {(json is { } m ? Optional(m, "error", "message") : null)}".TrimEnd();
        return code switch
        {
            "access_token_invalid" => Fail(PlatformErrorKind.TokenExpired, message, code: code),
            "scope_not_authorized" or "scope_permission_missed" => Fail(PlatformErrorKind.Permanent, message, code: code),
            "invalid_params" or "invalid_file_upload" => Fail(PlatformErrorKind.ContentRejected, message, code: code),
            "rate_limit_exceeded" => Fail(PlatformErrorKind.RateLimited, message, RetryAfter(answer) ?? TimeSpan.FromMinutes(1), code),
            "internal_error" => Fail(PlatformErrorKind.Transient, message, code: code),
            _ => FromStatus(answer, message, code),
        };
    }
}

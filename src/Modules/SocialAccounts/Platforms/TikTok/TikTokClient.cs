using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>
/// TikTok Login Kit v2 (client_key, credentials in the form) and the Content Posting API (Direct Post): creator info
/// first, then init (a video pulled from a verified URL or uploaded in chunks, photos pulled), then status until the
/// post is complete.
/// </summary>
internal sealed class TikTokClient(HttpClient http, IConfiguration configuration, IContentRules rules, TimeProvider clock)
    : PlatformClient(http, configuration, rules, clock)
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

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var creator = (await ApiAsync(HttpMethod.Post, "/v2/post/publish/creator_info/query/", account.AccessToken, new { }, cancellationToken)).GetProperty("data");
        var options = creator.TryGetProperty("privacy_level_options", out var list) ? list.EnumerateArray().Select(o => o.GetString()!).ToList() : [];
        var privacy = content.PrivacyLevel ?? (options.Contains("SELF_ONLY") ? "SELF_ONLY" : options.FirstOrDefault())
            ?? throw Fail(PlatformErrorKind.Permanent, "TikTok offered no privacy level for this creator.");
        if (!options.Contains(privacy))
        {
            throw Fail(PlatformErrorKind.ContentRejected, $"Privacy level {privacy} is not offered to this creator ({string.Join(", ", options)}).");
        }
        var videoInfo = new { title = content.Text ?? "", privacy_level = privacy };
        var init = content.MediaItems switch
        {
            [{ Kind: MediaKind.Video } video] when Options.IsVerifiedUrl(video.Url) =>
                await ApiAsync(HttpMethod.Post, "/v2/post/publish/video/init/", account.AccessToken, new
                {
                    post_info = videoInfo,
                    source_info = new { source = "PULL_FROM_URL", video_url = video.Url },
                }, cancellationToken),
            [{ Kind: MediaKind.Video } video] => await UploadVideoAsync(account, videoInfo, video, cancellationToken),
            _ => await ApiAsync(HttpMethod.Post, "/v2/post/publish/content/init/", account.AccessToken, new
            {
                media_type = "PHOTO",
                post_mode = "DIRECT_POST",
                post_info = new { title = content.Title ?? "", description = content.Text ?? "", privacy_level = privacy },
                source_info = new { source = "PULL_FROM_URL", photo_images = content.MediaItems.Select(m => m.Url).ToArray(), photo_cover_index = 0 },
            }, cancellationToken),
        };
        var publishId = Required(init, "data", "publish_id");
        for (var poll = 0; poll < Options.MaxPolls; poll++)
        {
            var status = (await ApiAsync(HttpMethod.Post, "/v2/post/publish/status/fetch/", account.AccessToken, new { publish_id = publishId }, cancellationToken)).GetProperty("data");
            switch (Optional(status, "status"))
            {
                case "PUBLISH_COMPLETE":
                    var postId = status.TryGetProperty("publicaly_available_post_id", out var ids) && ids.ValueKind == JsonValueKind.Array && ids.GetArrayLength() > 0
                        ? ids[0].ValueKind == JsonValueKind.Number ? ids[0].GetRawText() : ids[0].GetString()
                        : null;
                    return new PublishedPost(postId ?? publishId, null);
                case "FAILED":
                    throw Fail(PlatformErrorKind.ContentRejected, $"TikTok did not publish the post ({Optional(status, "fail_reason") ?? "no reason"}).");
            }
            await Task.Delay(TimeSpan.FromSeconds(Options.PollIntervalSeconds), Clock, cancellationToken);
        }
        // Still in moderation: the publish id is the handle to reconcile with later.
        return new PublishedPost(publishId, null);
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
    private async Task<JsonElement> UploadVideoAsync(AccountCredentials account, object postInfo, MediaItem video, CancellationToken cancellationToken)
    {
        var bytes = await DownloadAsync(video, cancellationToken);
        var (chunkSize, chunkCount) = Chunking(bytes.Length);
        var init = await ApiAsync(HttpMethod.Post, "/v2/post/publish/video/init/", account.AccessToken, new
        {
            post_info = postInfo,
            source_info = new { source = "FILE_UPLOAD", video_size = bytes.Length, chunk_size = chunkSize, total_chunk_count = chunkCount },
        }, cancellationToken);
        var uploadUrl = Required(init, "data", "upload_url");
        for (var chunk = 0; chunk < chunkCount; chunk++)
        {
            var first = chunk * chunkSize;
            var last = chunk == chunkCount - 1 ? bytes.Length - 1 : first + chunkSize - 1;
            var part = new ByteArrayContent(bytes, first, last - first + 1);
            part.Headers.ContentType = new(video.ContentType);
            part.Headers.ContentRange = new ContentRangeHeaderValue(first, last, bytes.Length);
            await SendAsync(Request(HttpMethod.Put, uploadUrl, content: part), cancellationToken);
        }
        return init;
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

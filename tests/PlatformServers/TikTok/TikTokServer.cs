using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.TikTok;

public enum TikTokPublishStatus
{
    PROCESSING_UPLOAD,
    PROCESSING_DOWNLOAD,
    PUBLISH_COMPLETE,
    FAILED,
}

/// <summary>
/// A creator's posting settings as creator info answers them
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info): the privacy levels offered,
/// the interactions turned off in the app, the longest video the creator may post.
/// </summary>
public sealed record TikTokCreator(
    string[]? PrivacyLevelOptions = null, bool CommentDisabled = false, bool DuetDisabled = false, bool StitchDisabled = true, int MaxVideoPostDurationSec = 600)
{
    public string[] PrivacyLevelOptions { get; init; } = PrivacyLevelOptions ?? ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"];
}

/// <summary>A Direct Post as TikTok tracks it: one per successful video/init.</summary>
public sealed class TikTokPublish(string publishId, string title, string privacyLevel, string source, long videoSize, long chunkSize, int totalChunks)
{
    public string PublishId { get; } = publishId;
    public string Title { get; } = title;
    public string PrivacyLevel { get; } = privacyLevel;
    public string Source { get; } = source;
    public long VideoSize { get; } = videoSize;
    public long ChunkSize { get; } = chunkSize;
    public int TotalChunks { get; } = totalChunks;
    public SortedDictionary<long, long> Ranges { get; } = [];
    public long UploadedBytes => Ranges.Sum(r => r.Value - r.Key + 1);
    public TikTokPublishStatus Status { get; set; } = source == "PULL_FROM_URL" ? TikTokPublishStatus.PROCESSING_DOWNLOAD : TikTokPublishStatus.PROCESSING_UPLOAD;
    public string? PostId { get; set; }
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Whether TikTok will publish it without anything more from the client (all bytes are in, or it pulls them).</summary>
    public bool WillPublish => Status != TikTokPublishStatus.FAILED && (Source == "PULL_FROM_URL" || UploadedBytes == VideoSize);
}

/// <summary>
/// TikTok's Login Kit OAuth v2 and the Content Posting API (Direct Post), written from
/// https://developers.tiktok.com/doc/login-kit-web, https://developers.tiktok.com/doc/oauth-user-access-token-management,
/// https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info, https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info,
/// https://developers.tiktok.com/doc/content-posting-api-reference-direct-post, https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide,
/// https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status, https://developers.tiktok.com/doc/tiktok-api-v2-video-list
/// and the error struct of https://developers.tiktok.com/doc/tiktok-api-v2-error-handling ({data, error:{code, message, log_id}}).
/// </summary>
public sealed partial class TikTokServer() : PlatformServer("tiktok-client-key", "tiktok-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string CreatorInfo = "creator-info";
        public const string Init = "video-init";
        public const string StatusFetch = "status-fetch";
        public const string VideoList = "video-list";
        public const string VideoQuery = "video-query";
        public const string UserInfo = "user-info";

        /// <summary>The PUT of chunk <paramref name="number"/> (1-based).</summary>
        public static string Chunk(int number) => $"upload-chunk-{number}";
    }

    private const long MiB = 1024 * 1024;
    private static readonly string[] PrivacyLevels = ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"];
    private readonly ConcurrentDictionary<string, TikTokPublish> publishes = new(StringComparer.Ordinal);
    private long nextId = 7_300_000_000;

    public string OpenId { get; set; } = "723f24d7-e717-40f8-a2b6-cb8464cd23b4";

    /// <summary>What creator info answers (content-posting-api-reference-query-creator-info), as the creator set it up on TikTok.</summary>
    public TikTokCreator Creator { get; set; } = new();
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    /// <summary>URL prefixes whose ownership the app verified (media-transfer-guide, PULL_FROM_URL).</summary>
    public List<string> VerifiedUrlPrefixes { get; } = [];

    /// <summary>The counts a video query answers, by post id; a post with no entry has every count at zero.</summary>
    public ConcurrentDictionary<string, TikTokVideoCounts> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>The follower_count user info answers, by open_id.</summary>
    public FollowerCounts Followers { get; } = new();

    public IReadOnlyList<TikTokPublish> Publishes => [.. publishes.Values.OrderBy(p => p.CreatedAt)];

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/v2/auth/authorize/",
        ["TokenUrl"] = Url + "/v2/oauth/token/",
        ["RevokeUrl"] = Url + "/v2/oauth/revoke/",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v2/auth/authorize/", Authorize);
        routes.MapPost("/v2/oauth/token/", (Delegate)TokenAsync);
        routes.MapPost("/v2/oauth/revoke/", (Delegate)RevokeAsync);
        routes.MapGet("/v2/user/info/", (Delegate)UserInfoAsync);
        routes.MapPost("/v2/post/publish/creator_info/query/", (Delegate)CreatorInfoAsync);
        routes.MapPost("/v2/post/publish/video/init/", (Delegate)InitAsync);
        routes.MapPut("/upload/{publishId}", (Delegate)UploadChunkAsync);
        routes.MapPost("/v2/post/publish/status/fetch/", (Delegate)StatusAsync);
        routes.MapPost("/v2/video/list/", (Delegate)VideoListAsync);
        routes.MapPost("/v2/video/query/", (Delegate)VideoQueryAsync);
    }

    // login-kit-web: client_key, scope (comma-separated), redirect_uri, state, response_type=code.
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var state = Uri.EscapeDataString(query["state"].ToString());
        if (query["client_key"] != Grants.ClientId || query["response_type"] != "code" || query["redirect_uri"] != RegisteredRedirectUri ||
            string.IsNullOrWhiteSpace(query["scope"]))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&error_description=Invalid+request&state={state}");
        }
        var scopes = query["scope"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Results.Redirect($"{RegisteredRedirectUri}?code={Grants.IssueCode(OpenId, RegisteredRedirectUri, scopes)}&scopes={Uri.EscapeDataString(string.Join(',', scopes))}&state={state}");
    }

    // oauth-user-access-token-management: POST /v2/oauth/token/, Content-Type application/x-www-form-urlencoded,
    // client_key, client_secret, code, grant_type, redirect_uri (or refresh_token); answers open_id, scope, access_token,
    // expires_in, refresh_token, refresh_expires_in, token_type; failures {error, error_description, log_id}.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { error = "invalid_request", error_description = "Content-Type must be application/x-www-form-urlencoded.", log_id = LogId() }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        if (!Grants.ClientMatches(form["client_key"], form["client_secret"]))
        {
            return Json(new { error = "invalid_client", error_description = "Client key or secret is incorrect.", log_id = LogId() }, 401);
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
                        return Json(new { error = "invalid_grant", error_description = "Authorization code is expired.", log_id = LogId() }, 400);
                    }
                    token = Grants.Issue(grant.AccountId, grant.Scopes);
                    break;
                case "refresh_token":
                    token = Grants.Refresh(form["refresh_token"]);
                    if (token is null)
                    {
                        return Json(new { error = "invalid_grant", error_description = "Refresh token is invalid or expired.", log_id = LogId() }, 400);
                    }
                    break;
                default:
                    return Json(new { error = "unsupported_grant_type", error_description = "grant_type is not supported.", log_id = LogId() }, 400);
            }
            return Json(new
            {
                open_id = token.AccountId, scope = string.Join(',', token.Scopes), access_token = token.AccessToken,
                expires_in = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds, refresh_token = token.RefreshToken,
                refresh_expires_in = 31_536_000, token_type = "Bearer",
            });
        });
    }

    // oauth-revoke: POST /v2/oauth/revoke/ form client_key, client_secret, token; {} on success.
    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (!Grants.ClientMatches(form["client_key"], form["client_secret"]))
        {
            return Json(new { error = "invalid_client", error_description = "Client key or secret is incorrect.", log_id = LogId() }, 401);
        }
        Grants.Revoke(form["token"].ToString());
        return Json(new { });
    }

    // tiktok-api-v2-get-user-info: GET /v2/user/info/?fields=... (required; scope user.info.basic for open_id, avatar_url,
    // display_name). The User Object's stats fields follower_count, following_count, likes_count and video_count need the
    // scope user.info.stats ("Authorized Scope"; https://developers.tiktok.com/bulletin/user-info-scope-migration): asked
    // for without it, the call is refused as scope_not_authorized.
    private static readonly string[] StatsFields = ["follower_count", "following_count", "likes_count", "video_count"];

    private async Task<IResult> UserInfoAsync(HttpContext context)
    {
        if (Authorized(context, "user.info.basic") is { } refused)
        {
            return refused;
        }
        var fields = context.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            return Failure(400, "invalid_params", "fields is required");
        }
        if (fields.Any(StatsFields.Contains) && Authorized(context, "user.info.stats") is { } noStats)
        {
            return noStats;
        }
        return await StepAsync(context, Steps.UserInfo, () =>
        {
            var all = new Dictionary<string, object?>
            {
                ["open_id"] = OpenId, ["union_id"] = "union-" + OpenId, ["avatar_url"] = "https://p16.tiktokcdn.com/conformance.jpeg",
                ["display_name"] = "Conformance Creator", ["username"] = "conformance.creator", ["follower_count"] = Followers.Get(OpenId),
                ["following_count"] = 0L, ["likes_count"] = 0L, ["video_count"] = (long)Publishes.Count(p => p.PostId is not null),
            };
            return Ok(new { user = fields.Where(all.ContainsKey).ToDictionary(f => f, f => all[f]) });
        });
    }

    // content-posting-api-reference-query-creator-info: POST, scope video.publish; the privacy levels the creator offers.
    private async Task<IResult> CreatorInfoAsync(HttpContext context) =>
        Authorized(context, "video.publish") ?? await StepAsync(context, Steps.CreatorInfo, () => Ok(new
        {
            creator_avatar_url = "https://p16.tiktokcdn.com/conformance.jpeg", creator_username = "conformance.creator", creator_nickname = "Conformance Creator",
            privacy_level_options = Creator.PrivacyLevelOptions, comment_disabled = Creator.CommentDisabled, duet_disabled = Creator.DuetDisabled,
            stitch_disabled = Creator.StitchDisabled, max_video_post_duration_sec = Creator.MaxVideoPostDurationSec,
        }));

    // content-posting-api-reference-direct-post: POST /v2/post/publish/video/init/, Content-Type application/json;
    // charset=UTF-8, scope video.publish; post_info {title, privacy_level (required, one of creator_info's options), ...};
    // source_info FILE_UPLOAD {video_size, chunk_size, total_chunk_count} or PULL_FROM_URL {video_url}. Answers
    // data {publish_id, upload_url (FILE_UPLOAD)}. Chunk rules from the media-transfer-guide: chunks of 5 to 64 MB, the
    // last up to 128 MB, total_chunk_count = floor(video_size / chunk_size), a video under 5 MB sent whole, at most 1000 chunks.
    private async Task<IResult> InitAsync(HttpContext context)
    {
        if (Authorized(context, "video.publish") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/json"))
        {
            return Failure(400, "invalid_params", "Content-Type must be application/json; charset=UTF-8");
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        if (!body.TryGetProperty("post_info", out var post) || !body.TryGetProperty("source_info", out var source))
        {
            return Failure(400, "invalid_params", "post_info and source_info are required");
        }
        var privacy = Text(post, "privacy_level");
        if (privacy is null || !PrivacyLevels.Contains(privacy) || !Creator.PrivacyLevelOptions.Contains(privacy))
        {
            return Failure(400, "invalid_params", "privacy_level must be one of the creator's privacy_level_options");
        }
        var title = Text(post, "title") ?? "";
        if (title.Length > 2200)
        {
            return Failure(400, "invalid_params", "title is longer than 2200 characters");
        }
        string? problem;
        TikTokPublish? publish;
        switch (Text(source, "source"))
        {
            case "FILE_UPLOAD":
                var size = Long(source, "video_size");
                var chunk = Long(source, "chunk_size");
                var count = Long(source, "total_chunk_count");
                problem = size is null || chunk is null || count is null ? "video_size, chunk_size and total_chunk_count are required"
                    : size < 5 * MiB ? (chunk != size || count != 1 ? "a video under 5 MB is uploaded whole: chunk_size = video_size, total_chunk_count = 1" : null)
                    : chunk < 5 * MiB || chunk > 64 * MiB ? "chunk_size must be between 5 MB and 64 MB"
                    : count != size / chunk ? "total_chunk_count must be floor(video_size / chunk_size)"
                    : size - (chunk * (count - 1)) > 128 * MiB ? "the last chunk may not exceed 128 MB"
                    : count > 1000 ? "at most 1000 chunks" : null;
                publish = problem is null ? new TikTokPublish(NewPublishId(), title, privacy, "FILE_UPLOAD", size!.Value, chunk!.Value, (int)count!.Value) : null;
                break;
            case "PULL_FROM_URL":
                var url = Text(source, "video_url");
                problem = url is null ? "video_url is required" : null;
                if (url is not null && !VerifiedUrlPrefixes.Any(prefix => url.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    return Failure(403, "url_ownership_unverified", "The domain or URL prefix of video_url is not verified for this app.");
                }
                publish = problem is null ? new TikTokPublish(NewPublishId(), title, privacy, "PULL_FROM_URL", 0, 0, 0) : null;
                break;
            default:
                problem = "source_info.source must be FILE_UPLOAD or PULL_FROM_URL";
                publish = null;
                break;
        }
        if (problem is not null)
        {
            return Failure(400, "invalid_params", problem);
        }
        return await StepAsync(context, Steps.Init, () =>
        {
            publishes[publish!.PublishId] = publish;
            return publish.Source == "FILE_UPLOAD"
                ? Ok(new { publish_id = publish.PublishId, upload_url = $"{Url}/upload/{publish.PublishId}" })
                : Ok(new { publish_id = publish.PublishId });
        });
    }

    // media-transfer-guide: PUT each chunk in order to upload_url with Content-Type (video/mp4, video/quicktime or
    // video/webm), Content-Length and Content-Range: bytes {first}-{last}/{total}; 206 while parts are missing, 201 once
    // the whole video is in. No Authorization: the upload URL carries its own token.
    private async Task<IResult> UploadChunkAsync(HttpContext context, string publishId)
    {
        if (!publishes.TryGetValue(publishId, out var publish) || publish.Source != "FILE_UPLOAD")
        {
            return Results.NotFound();
        }
        if (context.Request.ContentType?.Split(';')[0] is not ("video/mp4" or "video/quicktime" or "video/webm"))
        {
            return Results.StatusCode(415);
        }
        var range = RangeFormat().Match(context.Request.Headers.ContentRange.ToString());
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (!range.Success)
        {
            return Results.StatusCode(416);
        }
        var (first, last, total) = (long.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture),
            long.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture));
        var number = (int)(first / publish.ChunkSize) + 1;
        var expectedLast = number == publish.TotalChunks ? publish.VideoSize - 1 : first + publish.ChunkSize - 1;
        if (total != publish.VideoSize || first % publish.ChunkSize != 0 || last != expectedLast || buffer.Length != last - first + 1 ||
            context.Request.ContentLength != buffer.Length)
        {
            return Results.StatusCode(416);
        }
        return await StepAsync(context, Steps.Chunk(number), () =>
        {
            lock (publish)
            {
                publish.Ranges[first] = last;
                return publish.UploadedBytes == publish.VideoSize ? Results.StatusCode(201) : Results.StatusCode(206);
            }
        });
    }

    // content-posting-api-reference-get-video-status: POST {publish_id}, scope video.publish or video.upload; data {status,
    // fail_reason, publicaly_available_post_id (sic), uploaded_bytes, downloaded_bytes}.
    private async Task<IResult> StatusAsync(HttpContext context)
    {
        if (Authorized(context, "video.publish") is { } refused)
        {
            return refused;
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        if (Text(body, "publish_id") is not { } id || !publishes.TryGetValue(id, out var publish))
        {
            return Failure(400, "invalid_publish_id", "publish_id does not exist");
        }
        return await StepAsync(context, Steps.StatusFetch, () =>
        {
            if (publish.Status != TikTokPublishStatus.PUBLISH_COMPLETE && publish.WillPublish && !Faults.TakeProcessingPoll())
            {
                Complete(publish);
            }
            return Ok(new
            {
                status = publish.Status.ToString(), fail_reason = "", uploaded_bytes = publish.UploadedBytes, downloaded_bytes = publish.Source == "PULL_FROM_URL" ? 1 : 0,
                publicaly_available_post_id = publish.PostId is null ? Array.Empty<long>() : [long.Parse(publish.PostId, CultureInfo.InvariantCulture)],
            });
        });
    }

    // tiktok-api-v2-video-list: POST /v2/video/list/?fields=..., body {max_count (at most 20), cursor}, scope video.list;
    // "the given user's public TikTok video posts", newest first: data {videos, cursor, has_more}. Posts of other privacy
    // levels (and every post of an unaudited client, which is private) are not listed.
    private async Task<IResult> VideoListAsync(HttpContext context)
    {
        if (Authorized(context, "video.list") is { } refused)
        {
            return refused;
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        var max = Long(body, "max_count") ?? 10;
        if (max is < 1 or > 20)
        {
            return Failure(400, "invalid_params", "max_count must be between 1 and 20");
        }
        return await StepAsync(context, Steps.VideoList, () =>
        {
            foreach (var ready in publishes.Values.Where(p => p.Status != TikTokPublishStatus.PUBLISH_COMPLETE && p.WillPublish))
            {
                Complete(ready); // TikTok publishes what it has whole, whether or not anyone asks for the status.
            }
            var videos = publishes.Values.Where(p => p.Status == TikTokPublishStatus.PUBLISH_COMPLETE && p.PrivacyLevel == "PUBLIC_TO_EVERYONE").OrderByDescending(p => p.CreatedAt).Take((int)max)
                .Select(p => new
                {
                    id = p.PostId, title = p.Title, video_description = p.Title, create_time = p.CreatedAt.ToUnixTimeSeconds(),
                    share_url = $"https://www.tiktok.com/@conformance.creator/video/{p.PostId}",
                }).ToList();
            return Ok(new { videos, cursor = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), has_more = false });
        });
    }

    // https://developers.tiktok.com/doc/tiktok-api-v2-video-object: the Video object's fields.
    private static readonly string[] VideoFields =
    [
        "id", "create_time", "cover_image_url", "share_url", "video_description", "duration", "height", "width", "title", "embed_html",
        "embed_link", "like_count", "comment_count", "share_count", "view_count",
    ];

    // https://developers.tiktok.com/doc/tiktok-api-v2-video-query: POST /v2/video/query/?fields=<Video object fields>, JSON body
    // {filters: {video_ids: [...]}} of at most 20 ids, scope video.list; answers data {videos: [...], cursor, has_more} with
    // the requested fields of the ids that are the user's own videos (others are left out). A missing or unknown field, or
    // no ids or more than 20, is invalid_params (tiktok-api-v2-error-handling).
    private async Task<IResult> VideoQueryAsync(HttpContext context)
    {
        if (Authorized(context, "video.list") is { } refused)
        {
            return refused;
        }
        var fields = context.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length == 0)
        {
            return Failure(400, "invalid_params", "fields is required");
        }
        if (fields.FirstOrDefault(f => !VideoFields.Contains(f)) is { } unknown)
        {
            return Failure(400, "invalid_params", $"Invalid field: {unknown}");
        }
        if (!HasContentType(context, "application/json"))
        {
            return Failure(400, "invalid_params", "Content-Type must be application/json");
        }
        List<string> ids;
        try
        {
            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
            ids = body.TryGetProperty("filters", out var filters) && filters.ValueKind == JsonValueKind.Object
                && filters.TryGetProperty("video_ids", out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText())]
                : [];
        }
        catch (JsonException)
        {
            return Failure(400, "invalid_params", "The request body is not valid JSON");
        }
        if (ids.Count is 0 or > 20)
        {
            return Failure(400, "invalid_params", "filters.video_ids must list 1 to 20 video ids");
        }
        return await StepAsync(context, Steps.VideoQuery, () =>
        {
            var videos = publishes.Values.Where(p => p.PostId is not null && ids.Contains(p.PostId))
                .Select(p => VideoView(p).Where(f => fields.Contains(f.Key)).ToDictionary()).ToList();
            return Ok(new { videos, cursor = 0, has_more = false });
        });
    }

    private Dictionary<string, object?> VideoView(TikTokPublish publish)
    {
        var counts = Counts.GetValueOrDefault(publish.PostId!) ?? new TikTokVideoCounts(0, 0, 0, 0);
        return new()
        {
            ["id"] = publish.PostId, ["create_time"] = publish.CreatedAt.ToUnixTimeSeconds(), ["title"] = publish.Title, ["video_description"] = publish.Title,
            ["share_url"] = $"https://www.tiktok.com/@conformance.creator/video/{publish.PostId}", ["like_count"] = counts.LikeCount,
            ["comment_count"] = counts.CommentCount, ["share_count"] = counts.ShareCount, ["view_count"] = counts.ViewCount,
        };
    }

    private void Complete(TikTokPublish publish)
    {
        lock (publish)
        {
            if (publish.PostId is null)
            {
                publish.Status = TikTokPublishStatus.PUBLISH_COMPLETE;
                publish.PostId = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>
    /// Bearer token and scope: 401 access_token_invalid for a missing, unknown, expired or revoked token; 401
    /// scope_not_authorized for a scope the user did not grant (tiktok-api-v2-error-handling).
    /// </summary>
    private IResult? Authorized(HttpContext context, string scope)
    {
        var (problem, token) = Grants.Check(Bearer(context));
        if (problem != TokenProblem.None)
        {
            return Failure(401, "access_token_invalid", "The access token is invalid or not found in the request.");
        }
        return token!.Scopes.Contains(scope) ? null : Failure(401, "scope_not_authorized", $"The user did not authorize the scope required for completing this request ({scope}).");
    }

    private static IResult Ok(object data) => Json(new { data, error = new { code = "ok", message = "", log_id = LogId() } });

    private static IResult Failure(int status, string code, string message) =>
        Json(new { data = new { }, error = new { code, message, log_id = LogId() } }, status);

    private static string LogId() => DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private string NewPublishId() => "v_pub_file~v2-1." + Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);


    private static long? Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    protected override IResult ServerError(int status, string step) => Failure(status, "internal_error", "Something went wrong. Please try again later.");

    // direct-post "Error codes": 429 rate_limit_exceeded ("API rate limit exceeded ... try again later").
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) =>
        Json(new { data = new { }, error = new { code = "rate_limit_exceeded", message = "Your request is blocked due to exceeding the API rate limit.", log_id = LogId() } },
            429, RetryAfterHeader(retryAfter));

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+)$")]
    private static partial Regex RangeFormat();
}

/// <summary>A video's counts as the Video object names them (https://developers.tiktok.com/doc/tiktok-api-v2-video-object).</summary>
public sealed record TikTokVideoCounts(long LikeCount, long CommentCount, long ShareCount, long ViewCount);

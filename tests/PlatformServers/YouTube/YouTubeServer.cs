using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.YouTube;

/// <summary>A video as YouTube holds it once its upload completed.</summary>
public sealed record YouTubeStatistics(long ViewCount, long LikeCount, long FavoriteCount, long CommentCount);

public sealed record YouTubeVideo(string Id, string ChannelId, string Title, string Description, string PrivacyStatus, byte[] Bytes, DateTimeOffset PublishedAt);

/// <summary>A resumable upload session: the metadata from the initiating request and the bytes received so far.</summary>
public sealed class UploadSession(string id, string title, string description, string privacy, long total)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public string Description { get; } = description;
    public string Privacy { get; } = privacy;
    public long Total { get; } = total;
    public MemoryStream Received { get; } = new();
    public int Puts { get; set; }
    public YouTubeVideo? Video { get; set; }
}

/// <summary>
/// Google's OAuth 2.0 for web server apps and the YouTube Data API v3 parts we use, written from
/// https://developers.google.com/identity/protocols/oauth2/web-server (authorize with PKCE, token exchange, refresh,
/// revoke, error answers), https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol (initiate,
/// PUT with Content-Range, 308 Resume Incomplete with Range, status query "Content-Range: bytes */N", resume),
/// https://developers.google.com/youtube/v3/docs/videos/insert (snippet.title required, at most 100 characters;
/// description at most 5000 bytes), https://developers.google.com/youtube/v3/docs/channels/list,
/// https://developers.google.com/youtube/v3/docs/videos/list, https://developers.google.com/youtube/v3/docs/search/list,
/// https://developers.google.com/youtube/v3/docs/playlistItems/list and
/// https://developers.google.com/youtube/v3/docs/errors (the {"error":{code, message, errors[{domain, reason}], status}} shape).
/// </summary>
public sealed partial class YouTubeServer() : PlatformServer("youtube-client-id.apps.googleusercontent.com", "youtube-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string Initiate = "upload-initiate";
        public const string StatusQuery = "upload-status-query";
        /// <summary>search.list or playlistItems.list: the listings a lookup of recent uploads uses.</summary>
        public const string Search = "search";
        /// <summary>channels.list: the channel of the token (mine=true).</summary>
        public const string Channels = "channels-list";

        /// <summary>The <paramref name="number"/>th PUT carrying bytes in an upload session (1-based).</summary>
        public static string Chunk(int number) => $"upload-chunk-{number}";
    }

    private const string Upload = "https://www.googleapis.com/auth/youtube.upload";
    private const string ReadOnly = "https://www.googleapis.com/auth/youtube.readonly";
    private const string Manage = "https://www.googleapis.com/auth/youtube";
    private readonly ConcurrentDictionary<string, UploadSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> challenges = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<YouTubeVideo> videos = new();

    public string ChannelId { get; set; } = "UC_x5XG1OV2P6uZZ5FSM9Ttw";
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    /// <summary>
    /// When set, the next PUT carrying bytes is cut after this many of them arrived: the session keeps that prefix and the
    /// client gets no answer, as in resumable-upload "Step 4 - Resume an interrupted upload", where the status query then
    /// reports the bytes received (<c>Range: bytes=0-N</c>) and the client sends the rest.
    /// </summary>
    public long? InterruptNextUploadAfter { get; set; }

    public IReadOnlyList<YouTubeVideo> Videos => [.. videos];

    /// <summary>
    /// What a video resource's statistics part answers, by video id (https://developers.google.com/youtube/v3/docs/videos#statistics:
    /// viewCount, likeCount, dislikeCount, favoriteCount, commentCount, each an unsigned long sent as a string); zeros by default.
    /// </summary>
    public ConcurrentDictionary<string, YouTubeStatistics> Statistics { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<UploadSession> Sessions => [.. sessions.Values];

    /// <summary>The subscribers each channel has, by channel id (statistics.subscriberCount answers them rounded down).</summary>
    public FollowerCounts Subscribers { get; } = new();

    /// <summary>Whether the channel hides its subscriber count (statistics.hiddenSubscriberCount).</summary>
    public bool HiddenSubscriberCount { get; set; }

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/o/oauth2/v2/auth",
        ["TokenUrl"] = Url + "/token",
        ["RevokeUrl"] = Url + "/revoke",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/o/oauth2/v2/auth", Authorize);
        routes.MapPost("/token", (Delegate)TokenAsync);
        routes.MapPost("/revoke", (Delegate)RevokeAsync);
        routes.MapGet("/youtube/v3/channels", (Delegate)ChannelsAsync);
        routes.MapPost("/upload/youtube/v3/videos", (Delegate)InitiateAsync);
        routes.MapPut("/upload/youtube/v3/videos", (Delegate)PutAsync);
        routes.MapGet("/youtube/v3/videos", ListVideos);
        routes.MapGet("/youtube/v3/search", (Delegate)SearchAsync);
        routes.MapGet("/youtube/v3/playlistItems", (Delegate)PlaylistItemsAsync);
    }

    // web-server "Step 1/2": client_id, redirect_uri, response_type=code, scope (space-delimited), state, access_type
    // (offline for a refresh token), code_challenge + code_challenge_method (S256 recommended). Errors go back to the
    // redirect URI as error=...
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var state = Uri.EscapeDataString(query["state"].ToString());
        if (query["client_id"] != Grants.ClientId || query["redirect_uri"] != RegisteredRedirectUri || query["response_type"] != "code" ||
            string.IsNullOrWhiteSpace(query["scope"]) || (!string.IsNullOrEmpty(query["code_challenge"]) && query["code_challenge_method"] != "S256"))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&state={state}");
        }
        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = Grants.IssueCode(ChannelId, RegisteredRedirectUri, scopes, query["code_challenge"].ToString());
        if (query["access_type"] == "offline")
        {
            challenges[code] = "offline";
        }
        return Results.Redirect($"{RegisteredRedirectUri}?state={state}&code={code}&scope={Uri.EscapeDataString(string.Join(' ', scopes))}");
    }

    // web-server "Step 5" and "Refreshing an access token": POST form code, client_id, client_secret, redirect_uri,
    // grant_type, code_verifier; answers access_token, expires_in, refresh_token (offline access only), scope, token_type.
    // A refresh answers no new refresh token. A bad or revoked grant: 400 {"error":"invalid_grant", "error_description"}.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { error = "invalid_request", error_description = "Invalid Content-Type" }, 400);
        }
        var form = await context.Request.ReadFormAsync();
        if (!Grants.ClientMatches(form["client_id"], form["client_secret"]))
        {
            return Json(new { error = "invalid_client", error_description = "The OAuth client was not found." }, 401);
        }
        return await StepAsync(context, Steps.Token, () =>
        {
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var grant = Grants.RedeemCode(form["code"]);
                    if (grant is null || form["redirect_uri"] != grant.RedirectUri)
                    {
                        return Json(new { error = "invalid_grant", error_description = "Malformed auth code." }, 400);
                    }
                    if (!string.IsNullOrEmpty(grant.CodeChallenge) &&
                        Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
                    {
                        return Json(new { error = "invalid_grant", error_description = "code_verifier or verifier is not needed." }, 400);
                    }
                    var token = Grants.Issue(grant.AccountId, grant.Scopes);
                    var expires = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds;
                    return challenges.TryRemove(grant.Code, out _)
                        ? Json(new { access_token = token.AccessToken, expires_in = expires, refresh_token = token.RefreshToken, scope = string.Join(' ', token.Scopes), token_type = "Bearer" })
                        : Json(new { access_token = token.AccessToken, expires_in = expires, scope = string.Join(' ', token.Scopes), token_type = "Bearer" });
                case "refresh_token":
                    Grants.RotateRefreshTokens = false;
                    var renewed = Grants.Refresh(form["refresh_token"]);
                    return renewed is null
                        ? Json(new { error = "invalid_grant", error_description = "Token has been expired or revoked." }, 400)
                        : Json(new { access_token = renewed.AccessToken, expires_in = (long)(renewed.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds, scope = string.Join(' ', renewed.Scopes), token_type = "Bearer" });
                default:
                    return Json(new { error = "unsupported_grant_type", error_description = "Invalid grant_type" }, 400);
            }
        });
    }

    // web-server "Revoking a token": POST token=...; 200 on success, 400 for an unknown token.
    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["token"].ToString() : context.Request.Query["token"].ToString();
        return Grants.Revoke(token) ? Results.Ok() : Json(new { error = "invalid_token", error_description = "Token expired or revoked" }, 400);
    }

    // channels.list (scope youtube.readonly or youtube): part (required) names the channel resource parts the answer holds,
    // of auditDetails, brandingSettings, contentDetails, contentOwnerDetails, id, localizations, snippet, statistics, status
    // and topicDetails; a filter is required, mine=true here. An unknown part is 400 unknownPart
    // (https://developers.google.com/youtube/v3/docs/errors, "youtube.part"). statistics
    // (https://developers.google.com/youtube/v3/docs/channels#statistics): viewCount, subscriberCount, hiddenSubscriberCount,
    // videoCount, the counts as strings; subscriberCount "is rounded down to three significant figures". The page does not
    // say what subscriberCount holds when hiddenSubscriberCount is true: it is left out, so a client has to read the flag.
    private static readonly string[] ChannelParts =
        ["auditDetails", "brandingSettings", "contentDetails", "contentOwnerDetails", "id", "localizations", "snippet", "statistics", "status", "topicDetails"];

    private async Task<IResult> ChannelsAsync(HttpContext context)
    {
        if (Authorized(context, ReadOnly, Manage) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        var parts = query["part"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return GoogleError(400, "global", "required", "Required parameter: part", "INVALID_ARGUMENT");
        }
        if (parts.FirstOrDefault(p => !ChannelParts.Contains(p)) is { } unknown)
        {
            return GoogleError(400, "youtube.part", "unknownPart", $"'{unknown}'", "INVALID_ARGUMENT");
        }
        if (query["mine"] != "true")
        {
            return GoogleError(400, "youtube.parameter", "missingRequiredParameter", "No filter selected. Expected one of: mine, id, forHandle, forUsername, managedByMe, categoryId", "INVALID_ARGUMENT");
        }
        return await StepAsync(context, Steps.Channels, () =>
        {
            var channel = new Dictionary<string, object> { ["kind"] = "youtube#channel", ["id"] = ChannelId };
            if (parts.Contains("snippet"))
            {
                channel["snippet"] = new { title = "Conformance Channel", description = "", customUrl = "@conformance", thumbnails = new { @default = new { url = "https://yt3.ggpht.com/conformance.jpg" } } };
            }
            if (parts.Contains("contentDetails"))
            {
                channel["contentDetails"] = new { relatedPlaylists = new { likes = "", uploads = UploadsPlaylist } };
            }
            if (parts.Contains("statistics"))
            {
                var statistics = new Dictionary<string, object>
                {
                    ["viewCount"] = Statistics.Values.Sum(v => v.ViewCount).ToString(CultureInfo.InvariantCulture),
                    ["hiddenSubscriberCount"] = HiddenSubscriberCount,
                    ["videoCount"] = Videos.Count.ToString(CultureInfo.InvariantCulture),
                };
                if (!HiddenSubscriberCount)
                {
                    statistics["subscriberCount"] = ThreeSignificantFigures(Subscribers.Get(ChannelId)).ToString(CultureInfo.InvariantCulture);
                }
                channel["statistics"] = statistics;
            }
            return Json(new { kind = "youtube#channelListResponse", pageInfo = new { totalResults = 1, resultsPerPage = 5 }, items = new[] { channel } });
        });
    }

    private static long ThreeSignificantFigures(long count)
    {
        var scale = 1L;
        while (count / scale >= 1000)
        {
            scale *= 10;
        }
        return count / scale * scale;
    }

    // resumable-upload "Step 1 - Start a resumable session": POST ?uploadType=resumable&part=..., Content-Type
    // application/json; charset=UTF-8, X-Upload-Content-Length, X-Upload-Content-Type (video/* or
    // application/octet-stream), a video resource as body; answers 200 with the session URI in Location.
    private async Task<IResult> InitiateAsync(HttpContext context)
    {
        if (Authorized(context, Upload, Manage) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        if (query["uploadType"] != "resumable" || string.IsNullOrEmpty(query["part"]))
        {
            return GoogleError(400, "global", "badRequest", "uploadType=resumable and part are required", "INVALID_ARGUMENT");
        }
        if (!HasContentType(context, "application/json"))
        {
            return GoogleError(400, "global", "badContent", "Media type is not supported for the metadata: use application/json; charset=UTF-8", "INVALID_ARGUMENT");
        }
        if (!long.TryParse(context.Request.Headers["X-Upload-Content-Length"], out var total) || total <= 0)
        {
            return GoogleError(400, "global", "badRequest", "X-Upload-Content-Length is required", "INVALID_ARGUMENT");
        }
        var type = context.Request.Headers["X-Upload-Content-Type"].ToString();
        if (type.Length > 0 && !type.StartsWith("video/", StringComparison.OrdinalIgnoreCase) && type != "application/octet-stream")
        {
            return GoogleError(400, "youtube.video", "invalidContentType", "The uploaded file is not a video", "INVALID_ARGUMENT");
        }
        var video = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        var snippet = video.TryGetProperty("snippet", out var s) ? s : default;
        var title = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("title", out var t) ? t.GetString() : null;
        var description = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
        if (string.IsNullOrWhiteSpace(title))
        {
            return GoogleError(400, "youtube.video", "invalidTitle", "The request metadata specifies an invalid or empty video title.", "INVALID_ARGUMENT");
        }
        if (title.Length > 100 || Encoding.UTF8.GetByteCount(description) > 5000 || title.IndexOfAny(['<', '>']) >= 0 || description.IndexOfAny(['<', '>']) >= 0)
        {
            return GoogleError(400, "youtube.video", title.Length > 100 ? "invalidTitle" : "invalidDescription", "The request metadata specifies an invalid video title or description.", "INVALID_ARGUMENT");
        }
        var privacy = video.TryGetProperty("status", out var status) && status.TryGetProperty("privacyStatus", out var p) ? p.GetString() ?? "public" : "public";
        return await StepAsync(context, Steps.Initiate, () =>
        {
            var session = new UploadSession(Guid.NewGuid().ToString("N"), title, description, privacy, total);
            sessions[session.Id] = session;
            context.Response.Headers.Location = $"{Url}/upload/youtube/v3/videos?uploadType=resumable&upload_id={session.Id}";
            return Results.Ok();
        });
    }

    // resumable-upload "Step 2/3" and "Step 4 - Resume": a PUT to the session URI with bytes (Content-Length, and
    // Content-Range: bytes first-last/total for a chunk; chunks a multiple of 256 KB except the last) answers 308 Resume
    // Incomplete with Range: bytes=0-N while bytes are missing, and 201 Created with the video resource at the end. An
    // empty PUT with Content-Range: bytes */total asks the status: 308 (with Range once anything arrived) or the video.
    private async Task<IResult> PutAsync(HttpContext context)
    {
        if (!sessions.TryGetValue(context.Request.Query["upload_id"].ToString(), out var session))
        {
            return GoogleError(404, "global", "notFound", "The upload session does not exist or has expired.", "NOT_FOUND");
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var range = context.Request.Headers.ContentRange.ToString();
        if (buffer.Length == 0)
        {
            if (range != $"bytes */{session.Total}")
            {
                return GoogleError(400, "global", "badRequest", "A status query carries Content-Range: bytes */<total>.", "INVALID_ARGUMENT");
            }
            return await StepAsync(context, Steps.StatusQuery, () => Progress(session));
        }
        long first = 0;
        if (range.Length > 0)
        {
            var match = RangeFormat().Match(range);
            if (!match.Success || long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) != session.Total ||
                long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) - long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1 != buffer.Length)
            {
                return GoogleError(400, "global", "badRequest", "Content-Range does not match the bytes sent.", "INVALID_ARGUMENT");
            }
            first = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (buffer.Length != session.Total)
        {
            return GoogleError(400, "global", "badRequest", "A partial upload needs Content-Range.", "INVALID_ARGUMENT");
        }
        if (first != session.Received.Length)
        {
            // Resuming must start right after the last byte the server has (the status query says which).
            return Progress(session);
        }
        if (first + buffer.Length < session.Total && buffer.Length % (256 * 1024) != 0)
        {
            return GoogleError(400, "global", "badRequest", "Chunks other than the last must be a multiple of 256 KB.", "INVALID_ARGUMENT");
        }
        session.Puts++;
        if (InterruptNextUploadAfter is { } cut)
        {
            InterruptNextUploadAfter = null;
            session.Received.Write(buffer.GetBuffer(), 0, (int)Math.Min(cut, buffer.Length));
            context.Abort();
            return Results.Empty;
        }
        return await StepAsync(context, Steps.Chunk(session.Puts), () =>
        {
            buffer.Position = 0;
            buffer.CopyTo(session.Received);
            if (session.Received.Length == session.Total && session.Video is null)
            {
                session.Video = new YouTubeVideo(NewVideoId(), ChannelId, session.Title, session.Description, session.Privacy, session.Received.ToArray(), DateTimeOffset.UtcNow);
                videos.Enqueue(session.Video);
                return Json(Resource(session.Video), 201);
            }
            return Progress(session);
        });
    }

    private IResult Progress(UploadSession session)
    {
        if (session.Video is not null)
        {
            return Json(Resource(session.Video), 200);
        }
        return new ResumeIncomplete(session.Received.Length);
    }

    // videos.list part=snippet,statistics,status id=... (scope youtube.readonly).
    private IResult ListVideos(HttpContext context)
    {
        if (Authorized(context, ReadOnly, Manage) is { } refused)
        {
            return refused;
        }
        var ids = context.Request.Query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        return Json(new { kind = "youtube#videoListResponse", items = videos.Where(v => ids.Contains(v.Id)).Select(Resource).ToList() });
    }

    // search.list part=snippet with forMine=true (needs type=video) or channelId, order=date, maxResults (0 to 50).
    private async Task<IResult> SearchAsync(HttpContext context)
    {
        if (Authorized(context, ReadOnly, Manage) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        var mine = query["forMine"] == "true";
        if (query["part"] != "snippet" || (!mine && query["channelId"] != ChannelId) || (mine && query["type"] != "video"))
        {
            return GoogleError(400, "youtube.search", "invalidSearchFilter", "The request contains an invalid combination of search filters and/or restrictions.", "INVALID_ARGUMENT");
        }
        var max = int.TryParse(query["maxResults"], out var m) ? Math.Clamp(m, 0, 50) : 5;
        return await StepAsync(context, Steps.Search, () => Json(new
        {
            kind = "youtube#searchListResponse",
            items = videos.Where(v => mine || v.PrivacyStatus == "public").OrderByDescending(v => v.PublishedAt).Take(max).Select(v => new
            {
                kind = "youtube#searchResult",
                id = new { kind = "youtube#video", videoId = v.Id },
                snippet = new { publishedAt = v.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), channelId = v.ChannelId, title = v.Title, description = v.Description },
            }).ToList(),
        }));
    }

    // The channel's uploads playlist (channels.list contentDetails.relatedPlaylists.uploads): "UU" + the channel id's tail.
    private string UploadsPlaylist => "UU" + ChannelId[2..];

    // https://developers.google.com/youtube/v3/docs/playlistItems/list: part (snippet, contentDetails), playlistId,
    // maxResults 0 to 50 (default 5); the owner sees private uploads too. Newest first in the uploads playlist.
    private async Task<IResult> PlaylistItemsAsync(HttpContext context)
    {
        if (Authorized(context, ReadOnly, Manage) is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        if (string.IsNullOrEmpty(query["part"]) || string.IsNullOrEmpty(query["playlistId"]))
        {
            return GoogleError(400, "youtube.parameter", "missingRequiredParameter", "No filter selected. Expected one of: playlistId, id", "INVALID_ARGUMENT");
        }
        if (query["playlistId"] != UploadsPlaylist)
        {
            return GoogleError(404, "youtube.playlistItem", "playlistNotFound", "The playlist identified with the request's playlistId parameter cannot be found.", "NOT_FOUND");
        }
        var max = int.TryParse(query["maxResults"], out var m) ? Math.Clamp(m, 0, 50) : 5;
        return await StepAsync(context, Steps.Search, () => Json(new
        {
            kind = "youtube#playlistItemListResponse",
            items = videos.OrderByDescending(v => v.PublishedAt).Take(max).Select((v, position) => new
            {
                kind = "youtube#playlistItem", id = "PI" + v.Id,
                snippet = new
                {
                    publishedAt = v.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), channelId = v.ChannelId, title = v.Title,
                    description = v.Description, playlistId = UploadsPlaylist, position, resourceId = new { kind = "youtube#video", videoId = v.Id },
                },
                contentDetails = new { videoId = v.Id, videoPublishedAt = v.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            }).ToList(),
        }));
    }

    private object Resource(YouTubeVideo video) => new
    {
        kind = "youtube#video", id = video.Id,
        snippet = new { publishedAt = video.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), channelId = video.ChannelId, title = video.Title, description = video.Description },
        status = new { uploadStatus = "uploaded", privacyStatus = video.PrivacyStatus },
        statistics = Statistics.GetValueOrDefault(video.Id) is { } counts
            ? new
            {
                viewCount = counts.ViewCount.ToString(CultureInfo.InvariantCulture), likeCount = counts.LikeCount.ToString(CultureInfo.InvariantCulture),
                favoriteCount = counts.FavoriteCount.ToString(CultureInfo.InvariantCulture), commentCount = counts.CommentCount.ToString(CultureInfo.InvariantCulture),
            }
            : new { viewCount = "0", likeCount = "0", favoriteCount = "0", commentCount = "0" },
    };

    /// <summary>401 authError (UNAUTHENTICATED) for a bad token; 403 insufficientPermissions for a scope not granted.</summary>
    private IResult? Authorized(HttpContext context, params string[] anyOfScopes)
    {
        var (problem, token) = Grants.Check(Bearer(context));
        if (problem != TokenProblem.None)
        {
            return GoogleError(401, "global", "authError", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
                "UNAUTHENTICATED", new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"" });
        }
        return anyOfScopes.Any(token!.Scopes.Contains) ? null
            : GoogleError(403, "global", "insufficientPermissions", "Request had insufficient authentication scopes.", "PERMISSION_DENIED");
    }

    private static IResult GoogleError(int code, string domain, string reason, string message, string status, IDictionary<string, string>? headers = null) =>
        Json(new { error = new { code, message, errors = new[] { new { message, domain, reason } }, status } }, code, headers);

    protected override IResult ServerError(int status, string step) =>
        GoogleError(status, "global", "backendError", "Backend Error", "UNAVAILABLE");

    // errors page: rateLimitExceeded; Retry-After only when planned.
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter) =>
        GoogleError(429, "youtube.quota", "rateLimitExceeded", "The request cannot be completed because you have exceeded your quota.", "RESOURCE_EXHAUSTED",
            RetryAfterHeader(retryAfter));

    private static string NewVideoId() => Base64Url(RandomNumberGenerator.GetBytes(8))[..11];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+)$")]
    private static partial Regex RangeFormat();

    /// <summary>308 Resume Incomplete, with Range: bytes=0-N once any byte arrived.</summary>
    private sealed class ResumeIncomplete(long received) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 308;
            if (received > 0)
            {
                httpContext.Response.Headers["Range"] = $"bytes=0-{received - 1}";
            }
            return Task.CompletedTask;
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.X;

/// <summary>A post (tweet) as X holds it.</summary>
public sealed record Tweet(string Id, string AuthorId, string Text, IReadOnlyList<string> MediaIds, string? InReplyToId, DateTimeOffset CreatedAt)
{
    public bool Deleted { get; set; }
}

/// <summary>
/// A post's <c>public_metrics</c> as the Post object of the data dictionary names them
/// (https://docs.x.com/x-api/fundamentals/data-dictionary): retweet_count, reply_count, like_count, quote_count,
/// bookmark_count, impression_count.
/// </summary>
public sealed record XPublicMetrics(long RetweetCount, long ReplyCount, long LikeCount, long QuoteCount, long BookmarkCount, long ImpressionCount);

public enum XMediaState
{
    Uploading,
    Pending,
    InProgress,
    Succeeded,
    Failed,
}

/// <summary>A media upload session: initialized, appended in segments, finalized, then (video, GIF) processed.</summary>
public sealed class XMedia(string id, string ownerId, string mediaType, string? category, long totalBytes)
{
    public string Id { get; } = id;
    public string OwnerId { get; } = ownerId;
    public string MediaType { get; } = mediaType;
    public string? Category { get; } = category;
    public long TotalBytes { get; } = totalBytes;
    public ConcurrentDictionary<int, int> Segments { get; } = new();
    public long ReceivedBytes => Segments.Values.Sum(length => (long)length);
    public XMediaState State { get; set; } = XMediaState.Uploading;
    public string? AltText { get; set; }
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Video and animated GIF are processed asynchronously after FINALIZE (finalize-media-upload).</summary>
    public bool NeedsProcessing => MediaType.StartsWith("video/", StringComparison.Ordinal) || MediaType == "image/gif" && Category == "tweet_gif";
}

/// <summary>
/// X API v2 as far as we use it, written from X's documentation:
/// OAuth 2.0 Authorization Code with PKCE https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code
/// (authorize, token exchange, refresh, revoke; confidential clients authenticate with HTTP Basic),
/// posts https://docs.x.com/x-api/posts/create-post, https://docs.x.com/x-api/posts/delete-post,
/// users https://docs.x.com/x-api/users/get-my-user, https://docs.x.com/x-api/users/get-posts,
/// media upload https://docs.x.com/x-api/media/quickstart/media-upload-chunked, https://docs.x.com/x-api/media/initialize-media-upload,
/// https://docs.x.com/x-api/media/append-media-upload, https://docs.x.com/x-api/media/finalize-media-upload,
/// https://docs.x.com/x-api/media/get-media-upload-status, https://docs.x.com/x-api/media/upload-media,
/// https://docs.x.com/x-api/media/create-media-metadata,
/// errors https://docs.x.com/x-api/fundamentals/response-codes-and-errors (problem objects with title, detail, type, status)
/// and rate limits https://docs.x.com/x-api/fundamentals/rate-limits (429 with x-rate-limit-limit/-remaining/-reset).
/// </summary>
public sealed class XServer() : PlatformServer("x-client-id", "x-client-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string Initialize = "media-initialize";
        public const string Finalize = "media-finalize";
        public const string Status = "media-status";
        public const string Metadata = "media-metadata";
        public const string CreateTweet = "create-tweet";
        public const string Timeline = "user-timeline";
        public const string Lookup = "post-lookup";
        public const string Me = "users-me";

        /// <summary>The APPEND of segment <paramref name="index"/> (0-based, as segment_index).</summary>
        public static string Append(int index) => $"media-append-{index}";
    }

    // create-post: a post holds up to 4 photos, or 1 GIF, or 1 video; text at most 280 characters for a non-premium user.
    private const int MaxTextLength = 280;
    private const int MaxAltTextLength = 1000;
    private static readonly string[] MediaTypes = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/bmp", "image/pjpeg", "image/tiff", "video/mp4", "video/webm", "video/quicktime", "video/mp2t", "text/srt", "text/vtt"];
    private static readonly string[] Categories = ["amplify_video", "tweet_gif", "tweet_image", "tweet_video", "dm_gif", "dm_image", "dm_video", "subtitles"];
    private readonly ConcurrentQueue<Tweet> tweets = new();
    private readonly ConcurrentDictionary<string, XMedia> uploads = new(StringComparer.Ordinal);
    private long nextId = 1_880_028_106_020_515_840;

    public string UserId { get; set; } = "1586104640812294144";
    public string Username { get; set; } = "conformance_x";
    public string RegisteredRedirectUri { get; set; } = "https://app.example/oauth/callback";

    public IReadOnlyList<Tweet> Tweets => [.. tweets.Where(t => !t.Deleted)];

    /// <summary>The public_metrics a post lookup answers, by post id; a post with no entry has every count at zero.</summary>
    public ConcurrentDictionary<string, XPublicMetrics> Metrics { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<XMedia> Uploads => [.. uploads.Values];

    /// <summary>The public_metrics.followers_count a user lookup answers, by user id.</summary>
    public FollowerCounts Followers { get; } = new();

    /// <summary>
    /// How long a media id stays usable, answered as <c>expires_after_secs</c>: "The returned mediaId is only valid for
    /// expires_after_secs seconds. Any attempt to use mediaId after this time period in other API calls will result in a
    /// Bad Request (HTTP 4xx) response" (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-finalize).
    /// </summary>
    public TimeSpan MediaLifetime { get; set; } = TimeSpan.FromDays(1);

    private long LifetimeSeconds => (long)MediaLifetime.TotalSeconds;

    private bool Expired(XMedia media) => DateTimeOffset.UtcNow - media.CreatedAt >= MediaLifetime;

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/i/oauth2/authorize",
        ["TokenUrl"] = Url + "/2/oauth2/token",
        ["RevokeUrl"] = Url + "/2/oauth2/revoke",
        ["ApiBaseUrl"] = Url,
    };

    protected override void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/i/oauth2/authorize", Authorize);
        routes.MapPost("/2/oauth2/token", (Delegate)TokenAsync);
        routes.MapPost("/2/oauth2/revoke", (Delegate)RevokeAsync);
        routes.MapGet("/2/users/me", (Delegate)MeAsync);
        routes.MapGet("/2/users/{id}/tweets", (Delegate)TimelineAsync);
        routes.MapPost("/2/tweets", (Delegate)CreateTweetAsync);
        routes.MapDelete("/2/tweets/{id}", DeleteTweet);
        routes.MapGet("/2/tweets/{id}", (Delegate)LookupTweetAsync);
        routes.MapPost("/2/media/upload/initialize", (Delegate)InitializeAsync);
        routes.MapPost("/2/media/upload/{id}/append", (Delegate)AppendAsync);
        routes.MapPost("/2/media/upload/{id}/finalize", (Delegate)FinalizeAsync);
        routes.MapGet("/2/media/upload", (Delegate)StatusAsync);
        routes.MapPost("/2/media/upload", (Delegate)CommandOrSimpleUploadAsync);
        routes.MapPost("/2/media/metadata", (Delegate)MetadataAsync);
    }

    // authorization-code: response_type=code, client_id, redirect_uri (registered), scope (space-separated), state,
    // code_challenge and code_challenge_method (S256 or plain) are all required.
    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        var state = Uri.EscapeDataString(query["state"].ToString());
        var method = query["code_challenge_method"].ToString();
        if (query["client_id"] != Grants.ClientId || query["response_type"] != "code" || query["redirect_uri"] != RegisteredRedirectUri ||
            string.IsNullOrWhiteSpace(query["scope"]) || string.IsNullOrWhiteSpace(query["state"]) || string.IsNullOrWhiteSpace(query["code_challenge"]) ||
            (method != "S256" && method != "plain"))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&state={state}");
        }
        var scopes = query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var challenge = method == "S256" ? query["code_challenge"].ToString() : Pkce.S256(query["code_challenge"].ToString());
        return Results.Redirect($"{RegisteredRedirectUri}?state={state}&code={Grants.IssueCode(UserId, RegisteredRedirectUri, scopes, challenge)}");
    }

    // authorization-code "Step 3": POST /2/oauth2/token, Content-Type application/x-www-form-urlencoded; a confidential
    // client sends Authorization: Basic base64(client_id:client_secret); code, grant_type=authorization_code,
    // redirect_uri, code_verifier; or grant_type=refresh_token, refresh_token (needs offline.access). Answers
    // token_type "bearer", expires_in (7200), access_token, scope, refresh_token; failures {error, error_description}.
    private async Task<IResult> TokenAsync(HttpContext context)
    {
        if (!HasContentType(context, "application/x-www-form-urlencoded"))
        {
            return Json(new { error = "invalid_request", error_description = "Missing required parameter [grant_type]." }, 400);
        }
        var (id, secret) = BasicCredentials(context);
        if (!Grants.ClientMatches(id, secret))
        {
            return Json(new { error = "unauthorized_client", error_description = "Missing valid authorization header" }, 401);
        }
        var form = await context.Request.ReadFormAsync();
        return await StepAsync(context, Steps.Token, () =>
        {
            IssuedToken? token;
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var grant = Grants.RedeemCode(form["code"]);
                    if (grant is null || form["redirect_uri"] != grant.RedirectUri || Pkce.S256(form["code_verifier"].ToString()) != grant.CodeChallenge)
                    {
                        return Json(new { error = "invalid_request", error_description = "Value passed for the authorization code was invalid." }, 400);
                    }
                    token = Grants.Issue(grant.AccountId, grant.Scopes);
                    break;
                case "refresh_token":
                    token = Grants.Refresh(form["refresh_token"]);
                    if (token is null)
                    {
                        return Json(new { error = "invalid_request", error_description = "Value passed for the token was invalid." }, 400);
                    }
                    break;
                default:
                    return Json(new { error = "invalid_request", error_description = "Value passed for the grant type was invalid." }, 400);
            }
            var answer = new Dictionary<string, object>
            {
                ["token_type"] = "bearer", ["expires_in"] = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds,
                ["access_token"] = token.AccessToken, ["scope"] = string.Join(' ', token.Scopes),
            };
            // A refresh token is only issued with the offline.access scope.
            if (token.Scopes.Contains("offline.access"))
            {
                answer["refresh_token"] = token.RefreshToken;
            }
            return Json(answer);
        });
    }

    // authorization-code "Revoke": POST /2/oauth2/revoke, form token (and token_type_hint), Basic client auth; {"revoked": true}.
    private async Task<IResult> RevokeAsync(HttpContext context)
    {
        var (id, secret) = BasicCredentials(context);
        if (!Grants.ClientMatches(id, secret))
        {
            return Json(new { error = "unauthorized_client", error_description = "Missing valid authorization header" }, 401);
        }
        var form = await context.Request.ReadFormAsync();
        Grants.Revoke(form["token"].ToString());
        return Json(new { revoked = true });
    }

    // get-my-user: GET /2/users/me, scopes tweet.read and users.read; {data: {id, name, username}}, plus the user.fields
    // asked for (comma-separated). User fields of the data dictionary (https://docs.x.com/x-api/fundamentals/data-dictionary,
    // User object): public_metrics is {followers_count, following_count, tweet_count, listed_count, like_count, media_count}.
    // A value that is not a user field is refused as an invalid request naming the parameter and the value
    // (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
    private static readonly string[] UserFields =
    [
        "affiliation", "confirmed_email", "connection_status", "created_at", "description", "entities", "id", "is_identity_verified", "location",
        "most_recent_tweet_id", "name", "parody", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected", "public_metrics",
        "receives_your_dm", "subscription", "subscription_type", "url", "username", "verified", "verified_followers_count", "verified_type", "withheld",
    ];

    private async Task<IResult> MeAsync(HttpContext context)
    {
        if (Authorized(context, "tweet.read", "users.read") is { } refused)
        {
            return refused;
        }
        var fields = context.Request.Query["user.fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.FirstOrDefault(f => !UserFields.Contains(f)) is { } unknown)
        {
            return InvalidRequest("user.fields", $"The `user.fields` query parameter value [{unknown}] is not one of [{string.Join(',', UserFields)}]", unknown);
        }
        return await StepAsync(context, Steps.Me, () =>
        {
            var user = new Dictionary<string, object> { ["id"] = UserId, ["name"] = "Conformance X", ["username"] = Username };
            if (fields.Contains("public_metrics"))
            {
                user["public_metrics"] = new Dictionary<string, long>
                {
                    ["followers_count"] = Followers.Get(UserId), ["following_count"] = 0, ["tweet_count"] = Tweets.Count(t => t.AuthorId == UserId),
                    ["listed_count"] = 0, ["like_count"] = 0, ["media_count"] = Tweets.Count(t => t.AuthorId == UserId && t.MediaIds.Count > 0),
                };
            }
            return Json(new { data = user });
        });
    }

    // get-posts (user timeline): GET /2/users/{id}/tweets, scopes tweet.read and users.read; max_results 5..100 (default 10),
    // newest first; created_at (and attachments) only when tweet.fields asks for it; {data, meta: {result_count, newest_id, oldest_id}}.
    private async Task<IResult> TimelineAsync(HttpContext context, string id)
    {
        if (Authorized(context, "tweet.read", "users.read") is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        var max = 10;
        if (query.ContainsKey("max_results") && (!int.TryParse(query["max_results"], out max) || max < 5 || max > 100))
        {
            return InvalidRequest("max_results", $"The `max_results` query parameter value [{query["max_results"]}] is not between 5 and 100");
        }
        var fields = query["tweet.fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        return await StepAsync(context, Steps.Timeline, () =>
        {
            var page = Tweets.Where(t => t.AuthorId == id).Reverse().Take(max).ToList();
            var data = page.Select(t =>
            {
                var view = new Dictionary<string, object?> { ["id"] = t.Id, ["text"] = t.Text, ["edit_history_tweet_ids"] = new[] { t.Id } };
                if (fields.Contains("created_at"))
                {
                    view["created_at"] = t.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                }
                if (fields.Contains("author_id"))
                {
                    view["author_id"] = t.AuthorId;
                }
                // data-dictionary (https://docs.x.com/x-api/fundamentals/data-dictionary, Post object): attachments.media_keys
                // names the post's media when tweet.fields asks for attachments; a post without media has no attachments.
                if (fields.Contains("attachments") && t.MediaIds.Count > 0)
                {
                    view["attachments"] = new { media_keys = t.MediaIds.Select(i => uploads.TryGetValue(i, out var m) ? MediaKey(m) : i).ToArray() };
                }
                return view;
            }).ToList();
            // An empty timeline has no data member, only meta.result_count = 0.
            return page.Count == 0
                ? Json(new { meta = new { result_count = 0 } })
                : Json(new { data, meta = new { result_count = page.Count, newest_id = page[0].Id, oldest_id = page[^1].Id } });
        });
    }

    // create-post: POST /2/tweets, Content-Type application/json, scopes tweet.read, tweet.write and users.read;
    // body {text, media: {media_ids}, reply: {in_reply_to_tweet_id}}; 201 {data: {id, text, edit_history_tweet_ids}}.
    private async Task<IResult> CreateTweetAsync(HttpContext context)
    {
        if (Authorized(context, "tweet.read", "tweet.write", "users.read") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/json"))
        {
            return Problem(415, "Unsupported Media Type", "Content-Type must be application/json.", "about:blank");
        }
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        }
        catch (JsonException)
        {
            return InvalidRequest("body", "The request body is not valid JSON.");
        }
        var text = Text(body, "text");
        var mediaIds = body.TryGetProperty("media", out var media) && media.TryGetProperty("media_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(i => i.GetString() ?? "").ToList()
            : [];
        if (string.IsNullOrEmpty(text) && mediaIds.Count == 0)
        {
            return InvalidRequest("text", "One of text, media, poll, quote_tweet_id or card_uri is required.");
        }
        if (text?.Length > MaxTextLength)
        {
            return Problem(403, "Forbidden", "You are not permitted to create a post longer than 280 characters.", "about:blank");
        }
        var found = mediaIds.Select(i => uploads.GetValueOrDefault(i)).ToList();
        if (found.Any(m => m is null || m.OwnerId != Grants.Check(Bearer(context)).Token!.AccountId || m.State != XMediaState.Succeeded || Expired(m)) ||
            mediaIds.Count > 4 || (mediaIds.Count > 1 && found.Any(m => m!.NeedsProcessing)))
        {
            return InvalidRequest("media.media_ids", "Your media IDs are invalid.");
        }
        string? replyTo = null;
        if (body.TryGetProperty("reply", out var reply))
        {
            replyTo = Text(reply, "in_reply_to_tweet_id");
            if (replyTo is null || !Tweets.Any(t => t.Id == replyTo))
            {
                return Problem(403, "Forbidden", "You attempted to reply to a post that is deleted or not visible to you.", "about:blank");
            }
        }
        return await StepAsync(context, Steps.CreateTweet, () =>
        {
            var tweet = new Tweet(NewId(), UserId, text ?? "", mediaIds, replyTo, DateTimeOffset.UtcNow);
            tweets.Enqueue(tweet);
            return Json(new { data = new { id = tweet.Id, text = tweet.Text, edit_history_tweet_ids = new[] { tweet.Id } } }, 201);
        });
    }

    // delete-post: DELETE /2/tweets/{id}, scopes tweet.read, tweet.write, users.read; {data: {deleted: true}}.
    private IResult DeleteTweet(HttpContext context, string id)
    {
        if (Authorized(context, "tweet.read", "tweet.write", "users.read") is { } refused)
        {
            return refused;
        }
        var tweet = Tweets.FirstOrDefault(t => t.Id == id);
        if (tweet is null)
        {
            return Json(new { data = new { deleted = false } });
        }
        tweet.Deleted = true;
        return Json(new { data = new { deleted = true } });
    }

    // get-post-by-id (https://docs.x.com/x-api/posts/get-post-by-id): GET /2/tweets/{id}, scopes tweet.read and users.read;
    // {data: Post} with id, text and edit_history_tweet_ids, plus public_metrics when tweet.fields asks for it (data
    // dictionary, Post object). An unknown or deleted post is 200 with only an errors array whose item has title
    // "Not Found Error" and type .../problems/resource-not-found (https://docs.x.com/x-api/fundamentals/response-codes-and-errors).
    private async Task<IResult> LookupTweetAsync(HttpContext context, string id)
    {
        if (Authorized(context, "tweet.read", "users.read") is { } refused)
        {
            return refused;
        }
        var fields = context.Request.Query["tweet.fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        return await StepAsync(context, Steps.Lookup, () =>
        {
            var tweet = Tweets.FirstOrDefault(t => t.Id == id);
            if (tweet is null)
            {
                return Json(new
                {
                    errors = new[]
                    {
                        new
                        {
                            value = id, detail = $"Could not find tweet with id: [{id}].", title = "Not Found Error", resource_type = "tweet",
                            parameter = "id", resource_id = id, type = "https://api.twitter.com/2/problems/resource-not-found",
                        },
                    },
                });
            }
            var view = new Dictionary<string, object?> { ["id"] = tweet.Id, ["text"] = tweet.Text, ["edit_history_tweet_ids"] = new[] { tweet.Id } };
            if (fields.Contains("public_metrics"))
            {
                var metrics = Metrics.GetValueOrDefault(tweet.Id) ?? new XPublicMetrics(0, 0, 0, 0, 0, 0);
                view["public_metrics"] = new Dictionary<string, long>
                {
                    ["retweet_count"] = metrics.RetweetCount, ["reply_count"] = metrics.ReplyCount, ["like_count"] = metrics.LikeCount,
                    ["quote_count"] = metrics.QuoteCount, ["bookmark_count"] = metrics.BookmarkCount, ["impression_count"] = metrics.ImpressionCount,
                };
            }
            return Json(new { data = view });
        });
    }

    // initialize-media-upload: POST /2/media/upload/initialize, application/json {media_type, total_bytes, media_category},
    // scope media.write; {data: {id, media_key, expires_after_secs}}.
    private async Task<IResult> InitializeAsync(HttpContext context)
    {
        if (Authorized(context, "media.write") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/json"))
        {
            return Problem(415, "Unsupported Media Type", "Content-Type must be application/json.", "about:blank");
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        var totalBytes = body.TryGetProperty("total_bytes", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetInt64() : (long?)null;
        return await InitializeUploadAsync(context, Text(body, "media_type"), totalBytes, Text(body, "media_category"));
    }

    private async Task<IResult> InitializeUploadAsync(HttpContext context, string? mediaType, long? totalBytes, string? category)
    {
        if (mediaType is null || !MediaTypes.Contains(mediaType))
        {
            return InvalidRequest("media_type", "media_type is required and must be a supported MIME type.");
        }
        if (totalBytes is not > 0)
        {
            return InvalidRequest("total_bytes", "total_bytes is required.");
        }
        if (category is not null && !Categories.Contains(category))
        {
            return InvalidRequest("media_category", $"The `media_category` value [{category}] is not one of [{string.Join(',', Categories)}]");
        }
        var owner = Grants.Check(Bearer(context)).Token!.AccountId;
        return await StepAsync(context, Steps.Initialize, () =>
        {
            var media = new XMedia(NewId(), owner, mediaType, category, totalBytes.Value);
            uploads[media.Id] = media;
            return Json(new { data = new { id = media.Id, media_key = MediaKey(media), expires_after_secs = LifetimeSeconds } });
        });
    }

    // append-media-upload: POST /2/media/upload/{id}/append, multipart/form-data with media (the segment's bytes) and
    // segment_index (0..999); each segment at most 5 MB (media-upload-chunked); {data: {expires_at}}.
    private async Task<IResult> AppendAsync(HttpContext context, string id)
    {
        if (Authorized(context, "media.write") is { } refused)
        {
            return refused;
        }
        if (!context.Request.HasFormContentType)
        {
            return InvalidRequest("media", "APPEND takes multipart/form-data with media and segment_index.");
        }
        return await AppendSegmentAsync(context, id, await context.Request.ReadFormAsync());
    }

    private async Task<IResult> AppendSegmentAsync(HttpContext context, string id, IFormCollection form)
    {
        if (!uploads.TryGetValue(id, out var media) || media.State != XMediaState.Uploading)
        {
            return InvalidRequest("media_id", "The media_id is invalid or the upload was already finalized.");
        }
        if (!int.TryParse(form["segment_index"], out var index) || index < 0 || index > 999)
        {
            return InvalidRequest("segment_index", "segment_index is required and must be between 0 and 999.");
        }
        byte[]? bytes = null;
        if (form.Files.GetFile("media") is { } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }
        if (bytes is null || bytes.Length == 0)
        {
            return InvalidRequest("media", "media is required.");
        }
        if (bytes.Length > 5 * 1024 * 1024)
        {
            return InvalidRequest("media", "A segment may not exceed 5 MB.");
        }
        return await StepAsync(context, Steps.Append(index), () =>
        {
            media.Segments[index] = bytes.Length;
            return Json(new { data = new { expires_at = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds() } });
        });
    }

    // finalize-media-upload: POST /2/media/upload/{id}/finalize once every byte is appended; video and GIF answer
    // processing_info {state: pending, check_after_secs} and must be polled with STATUS before use; images are ready.
    private async Task<IResult> FinalizeAsync(HttpContext context, string id) =>
        Authorized(context, "media.write") ?? await FinalizeUploadAsync(context, id);

    private async Task<IResult> FinalizeUploadAsync(HttpContext context, string id)
    {
        if (!uploads.TryGetValue(id, out var media) || media.State != XMediaState.Uploading)
        {
            return InvalidRequest("media_id", "The media_id is invalid or the upload was already finalized.");
        }
        if (media.ReceivedBytes != media.TotalBytes)
        {
            return InvalidRequest("media_id", $"File size mismatch: {media.ReceivedBytes} bytes appended, total_bytes is {media.TotalBytes}.");
        }
        return await StepAsync(context, Steps.Finalize, () =>
        {
            media.State = media.NeedsProcessing ? XMediaState.Pending : XMediaState.Succeeded;
            return Json(new { data = MediaView(media) });
        });
    }

    // get-media-upload-status: GET /2/media/upload?media_id=...&command=STATUS; {data: {id, media_key, processing_info:
    // {state: pending|in_progress|failed|succeeded, check_after_secs, progress_percent}}}.
    private async Task<IResult> StatusAsync(HttpContext context)
    {
        if (Authorized(context, "media.write") is { } refused)
        {
            return refused;
        }
        var query = context.Request.Query;
        if (query["command"] != "STATUS" || !uploads.TryGetValue(query["media_id"].ToString(), out var media))
        {
            return InvalidRequest("media_id", "command=STATUS and a known media_id are required.");
        }
        return await StepAsync(context, Steps.Status, () =>
        {
            if (media.State is XMediaState.Pending or XMediaState.InProgress)
            {
                media.State = Faults.TakeProcessingPoll() ? XMediaState.InProgress : XMediaState.Succeeded;
            }
            return Json(new { data = MediaView(media) });
        });
    }

    // media-upload-chunked: the same steps as commands on POST /2/media/upload (multipart/form-data: command=INIT with
    // media_type, total_bytes, media_category; APPEND with media_id, segment_index, media; FINALIZE with media_id).
    // upload-media: without command, a whole image in one request (media, media_category), answered as FINALIZE is.
    private async Task<IResult> CommandOrSimpleUploadAsync(HttpContext context)
    {
        if (Authorized(context, "media.write") is { } refused)
        {
            return refused;
        }
        if (!context.Request.HasFormContentType)
        {
            return InvalidRequest("media", "POST /2/media/upload takes multipart/form-data.");
        }
        var form = await context.Request.ReadFormAsync();
        switch (form["command"].ToString())
        {
            case "INIT":
                return await InitializeUploadAsync(context, form["media_type"], long.TryParse(form["total_bytes"], out var total) ? total : null,
                    form.ContainsKey("media_category") ? form["media_category"].ToString() : null);
            case "APPEND":
                return await AppendSegmentAsync(context, form["media_id"].ToString(), form);
            case "FINALIZE":
                return await FinalizeUploadAsync(context, form["media_id"].ToString());
            case "":
                var file = form.Files.GetFile("media");
                if (file is null || file.Length == 0)
                {
                    return InvalidRequest("media", "media is required.");
                }
                var type = form["media_type"].ToString() is { Length: > 0 } given ? given : file.ContentType;
                var owner = Grants.Check(Bearer(context)).Token!.AccountId;
                return await StepAsync(context, Steps.Initialize, () =>
                {
                    var media = new XMedia(NewId(), owner, type, form["media_category"], file.Length);
                    media.Segments[0] = (int)file.Length;
                    media.State = media.NeedsProcessing ? XMediaState.Pending : XMediaState.Succeeded;
                    uploads[media.Id] = media;
                    return Json(new { data = MediaView(media) });
                });
            default:
                return InvalidRequest("command", "command must be INIT, APPEND or FINALIZE.");
        }
    }

    // create-media-metadata: POST /2/media/metadata, application/json {id, metadata: {alt_text: {text}}} (alt text at most
    // 1000 characters), scope media.write; {data: {id, associated_metadata: {alt_text: {text}}}}.
    private async Task<IResult> MetadataAsync(HttpContext context)
    {
        if (Authorized(context, "media.write") is { } refused)
        {
            return refused;
        }
        if (!HasContentType(context, "application/json"))
        {
            return Problem(415, "Unsupported Media Type", "Content-Type must be application/json.", "about:blank");
        }
        var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement;
        var id = Text(body, "id");
        var altText = body.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("alt_text", out var alt) ? Text(alt, "text") : null;
        if (id is null || !uploads.TryGetValue(id, out var media))
        {
            return InvalidRequest("id", "id must name an uploaded media.");
        }
        if (altText is null || altText.Length > MaxAltTextLength)
        {
            return InvalidRequest("metadata.alt_text.text", "alt_text.text is required and at most 1000 characters.");
        }
        return await StepAsync(context, Steps.Metadata, () =>
        {
            media.AltText = altText;
            return Json(new { data = new { id, associated_metadata = new { alt_text = new { text = altText } } } });
        });
    }

    private object MediaView(XMedia media)
    {
        var view = new Dictionary<string, object> { ["id"] = media.Id, ["media_key"] = MediaKey(media), ["size"] = media.TotalBytes, ["expires_after_secs"] = LifetimeSeconds };
        if (media.NeedsProcessing)
        {
            view["processing_info"] = media.State switch
            {
                XMediaState.Pending => new { state = "pending", check_after_secs = 1 } as object,
                XMediaState.InProgress => new { state = "in_progress", check_after_secs = 1, progress_percent = 50 },
                XMediaState.Failed => new { state = "failed", progress_percent = 0 },
                _ => new { state = "succeeded", progress_percent = 100 },
            };
        }
        return view;
    }

    // media_key prefixes: 3 for photos, 16 for animated GIFs, 7 for videos (media-upload-chunked examples use 13 for amplify_video).
    private static string MediaKey(XMedia media) =>
        (media.MediaType.StartsWith("video/", StringComparison.Ordinal) ? "7_" : media.MediaType == "image/gif" ? "16_" : "3_") + media.Id;

    /// <summary>
    /// Bearer token and scopes: a missing, unknown, expired or revoked token is 401 {title "Unauthorized", type
    /// "about:blank", status, detail}; a token without a needed scope is 403 (response-codes-and-errors).
    /// </summary>
    private IResult? Authorized(HttpContext context, params string[] scopes)
    {
        var (problem, token) = Grants.Check(Bearer(context));
        if (problem != TokenProblem.None)
        {
            return Problem(401, "Unauthorized", "Unauthorized", "about:blank");
        }
        var missing = scopes.Where(s => !token!.Scopes.Contains(s)).ToList();
        return missing.Count == 0 ? null : Problem(403, "Forbidden", $"Missing scopes: {string.Join(' ', missing)}", "https://api.twitter.com/2/problems/client-forbidden");
    }

    private static IResult Problem(int status, string title, string detail, string type, IDictionary<string, string>? headers = null) =>
        Json(new { title, detail, type, status }, status, headers);

    // response-codes-and-errors: invalid parameters are 400 with errors [{parameters, message}], title "Invalid Request",
    // detail and type https://api.twitter.com/2/problems/invalid-request.
    private static IResult InvalidRequest(string parameter, string message, string? value = null) =>
        Json(new
        {
            errors = new[] { new { parameters = new Dictionary<string, string[]> { [parameter] = value is null ? [] : [value] }, message } },
            title = "Invalid Request", detail = "One or more parameters to your request was invalid.", type = "https://api.twitter.com/2/problems/invalid-request",
        }, 400);

    private string NewId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    protected override IResult ServerError(int status, string step) =>
        Problem(status, status == 503 ? "Service Unavailable" : "Internal Server Error", "The service is temporarily unavailable.", "about:blank");

    // rate-limits: 429 "Too Many Requests" with x-rate-limit-limit, x-rate-limit-remaining 0 and x-rate-limit-reset (epoch
    // seconds when the window resets); X sends no Retry-After. "No wait planned" leaves the reset header out.
    protected override IResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        var headers = new Dictionary<string, string> { ["x-rate-limit-limit"] = "100", ["x-rate-limit-remaining"] = "0" };
        if (retryAfter is { } wait)
        {
            headers["x-rate-limit-reset"] = DateTimeOffset.UtcNow.Add(wait).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        return Problem(429, "Too Many Requests", "Too Many Requests", "about:blank", headers);
    }
}

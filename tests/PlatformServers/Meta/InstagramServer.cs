using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Meta;

/// <summary>
/// Instagram content publishing (Instagram API with Facebook Login, on graph.facebook.com), written from
/// https://developers.facebook.com/docs/instagram-platform/content-publishing/ (containers, carousels, media_publish,
/// the 100 posts per 24 hours limit, JPEG images only),
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media (POST: image_url,
/// video_url, media_type, caption, alt_text, is_carousel_item, children; GET: the user's media),
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish,
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container (status_code),
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit,
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user (fields),
/// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes (9007/2207027 "media
/// not ready", 9/2207042 "reached the posting limit", 2207026 unsupported video format, 2207052 media could not be fetched),
/// and, for accounts that use Instagram Login, https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token
/// (GET /refresh_access_token?grant_type=ig_refresh_token).
/// </summary>
public sealed class InstagramServer() : FacebookLoginServer("instagram-app-id", "instagram-app-secret")
{
    public static class Steps
    {
        public const string Token = LoginSteps.Token;
        public const string CreateContainer = "create-container";
        public const string CreateCarousel = "create-carousel";
        public const string ContainerStatus = "container-status";
        public const string Publish = "media-publish";
        public const string ListMedia = "list-media";
        public const string RefreshToken = "refresh-token";
        public const string MediaInsights = "media-insights";
        public const string User = "ig-user";
    }

    private const int MaxCaptionLength = 2200;
    private const int MaxCarouselChildren = 10;
    private static readonly string[] PublishScopes = ["instagram_basic", "instagram_content_publish"];
    private readonly ConcurrentDictionary<string, MediaContainer> containers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedMedia> media = new();

    public string InstagramUserId { get; set; } = "17841405822304914";
    public string Username { get; set; } = "conformance.ig";

    /// <summary>content-publishing "Rate Limit": 100 API-published posts per 24-hour moving period (a carousel counts once).</summary>
    public int PublishingLimit { get; set; } = 100;

    /// <summary>The lifetime insights a media insights call answers, by media id and metric name.</summary>
    public InsightCounters Insights { get; } = new();

    /// <summary>The IG user's followers_count and follows_count, by IG user id.</summary>
    public FollowerCounts Followers { get; } = new();

    public FollowerCounts Follows { get; } = new();

    public IReadOnlyList<PublishedMedia> Media => [.. media.Where(m => !m.Deleted)];

    public IReadOnlyList<MediaContainer> Containers => [.. containers.Values.OrderBy(c => c.CreatedAt)];

    protected override string BusinessId => InstagramUserId;

    /// <summary>Containers not published within 24 hours expire (ig-container status_code EXPIRED).</summary>
    public void ExpireUnpublishedContainers()
    {
        foreach (var container in containers.Values.Where(c => c.PublishedMediaId is null))
        {
            container.Expired = true;
        }
    }

    // Page fields: instagram_business_account links the Page to its Instagram professional account (ig-user "Reading").
    protected override object? PageField(string field) => field == "instagram_business_account" ? new { id = InstagramUserId } : null;

    protected override async Task<IResult?> AnswerNodeAsync(HttpContext context, GraphCall call)
    {
        switch (call.Method, call.Node, call.Edge)
        {
            case ("GET", "refresh_access_token", null):
                return await StepAsync(context, Steps.RefreshToken, () => RefreshInstagramToken(call));
            case ("GET", var node, null) when node == PageId:
                return Authorized(call, out _, "pages_show_list") ?? Json(new { id = PageId, name = PageName, instagram_business_account = new { id = InstagramUserId } });
            case ("GET", var node, null) when node == InstagramUserId:
                return await UserAsync(context, call);
            case ("POST", var node, "media") when node == InstagramUserId:
                return await CreateContainerAsync(context, call);
            case ("POST", var node, "media_publish") when node == InstagramUserId:
                return await PublishAsync(context, call);
            case ("GET", var node, "media") when node == InstagramUserId:
                return await ListMediaAsync(context, call);
            case ("GET", var node, "content_publishing_limit") when node == InstagramUserId:
                return Authorized(call, out _, PublishScopes) ?? Json(new
                {
                    data = new[] { new { quota_usage = PublishedInTheLastDay(), config = new { quota_total = PublishingLimit, quota_duration = 86_400 } } },
                });
            case ("GET", var node, null) when containers.TryGetValue(node, out var container):
                return await ContainerStatusAsync(context, call, container);
            case ("GET", var node, "insights") when Media.FirstOrDefault(m => m.Id == node) is { } measured:
                return await MediaInsightsAsync(context, call, measured);
            case ("GET", var node, null) when Media.FirstOrDefault(m => m.Id == node) is { } published:
                return Authorized(call, out _, "instagram_basic") ?? Json(View(published));
            default:
                return null;
        }
    }

    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user "Reading": GET /{ig-user-id}
    // ?fields=<comma-separated list>; "Requirements" (Instagram API with Facebook Login): a User token holding instagram_basic
    // and pages_read_engagement. "Fields": biography, id, ig_id, followers_count ("total number of Instagram users following
    // the user"), follows_count, media_count, name, profile_picture_url, username, website.
    private static readonly string[] UserFields =
        ["biography", "id", "ig_id", "followers_count", "follows_count", "media_count", "name", "profile_picture_url", "username", "website"];

    private async Task<IResult> UserAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out _, "instagram_basic", "pages_read_engagement") is { } refused)
        {
            return refused;
        }
        var values = new Dictionary<string, object?>
        {
            ["id"] = InstagramUserId, ["username"] = Username, ["name"] = "Conformance IG", ["profile_picture_url"] = "https://scontent.cdninstagram.com/conformance.jpg",
            ["followers_count"] = Followers.Get(InstagramUserId), ["follows_count"] = Follows.Get(InstagramUserId), ["media_count"] = Media.Count,
        };
        return SelectFields(call, "IGUser", UserFields, values, ["id"], out var view) ?? await StepAsync(context, Steps.User, () => Json(view));
    }

    // refresh_access_token: GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long-lived token> answers
    // {access_token, token_type, expires_in}; an invalid or expired token cannot be refreshed (190).
    private IResult RefreshInstagramToken(GraphCall call)
    {
        if (call["grant_type"] != "ig_refresh_token")
        {
            return InvalidParameter("grant_type must be ig_refresh_token");
        }
        var (problem, current) = Grants.Check(call.AccessToken);
        // Any long-lived token that is still valid can be refreshed, and refreshing one does not invalidate it
        // (https://developers.facebook.com/docs/instagram-platform/reference/refresh_access_token): nothing is rotated away.
        Grants.RotateRefreshTokens = false;
        var token = problem == TokenProblem.None ? Grants.Refresh(current!.RefreshToken) : null;
        return token is null
            ? Error(400, "Error validating access token: Session has expired or is invalid.", "OAuthException", 190)
            : Json(new { access_token = token.AccessToken, token_type = "bearer", expires_in = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds });
    }

    // ig-user/media POST: an image (image_url, JPEG, optional alt_text), a reel (media_type=REELS, video_url), a carousel item
    // (is_carousel_item=true with image_url, or media_type=VIDEO and video_url) or a carousel (media_type=CAROUSEL,
    // children: up to 10 container ids, caption). Answers {id} of the container.
    private async Task<IResult> CreateContainerAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out var token, PublishScopes) is { } refused)
        {
            return refused;
        }
        var caption = call["caption"];
        if (caption?.Length > MaxCaptionLength)
        {
            return InvalidParameter("The caption is longer than 2200 characters.");
        }
        var isItem = call["is_carousel_item"] == "true";
        var mediaType = call["media_type"];
        if (mediaType == "CAROUSEL")
        {
            var ids = (call["children"] ?? "").Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => i.Trim('"')).ToList();
            var children = ids.Select(i => containers.GetValueOrDefault(i)).ToList();
            if (ids.Count is < 2 or > MaxCarouselChildren || children.Any(c => c is null || !c.IsCarouselItem || c.OwnerId != InstagramUserId))
            {
                return InvalidParameter("children must list 2 to 10 carousel item containers (is_carousel_item=true) of this user.");
            }
            return await StepAsync(context, Steps.CreateCarousel, () => Created(new MediaContainer(NewId(), InstagramUserId, "CAROUSEL", caption) { Children = children! }));
        }
        string? imageUrl = null, videoUrl = null;
        string type;
        switch (mediaType)
        {
            case null or "IMAGE":
                imageUrl = call["image_url"];
                type = "IMAGE";
                if (imageUrl is null)
                {
                    return InvalidParameter("The parameter image_url is required.");
                }
                break;
            case "REELS" when !isItem:
            case "VIDEO" when isItem:
                videoUrl = call["video_url"];
                type = mediaType;
                if (videoUrl is null)
                {
                    return InvalidParameter("The parameter video_url is required.");
                }
                break;
            default:
                return InvalidParameter($"media_type {mediaType} is not supported here (REELS for a video post, VIDEO only as a carousel item, CAROUSEL with children).");
        }
        if (call["alt_text"] is not null && type != "IMAGE")
        {
            return InvalidParameter("alt_text is only supported for image posts.");
        }
        var problem = await MediaProblemAsync(imageUrl ?? videoUrl!, type == "IMAGE");
        var polls = PlannedProcessingPolls();
        return await StepAsync(context, Steps.CreateContainer, () => Created(new MediaContainer(NewId(), InstagramUserId, type, isItem ? null : caption)
        {
            ImageUrl = imageUrl, VideoUrl = videoUrl, AltText = call["alt_text"], IsCarouselItem = isItem, ProcessingPollsLeft = polls, ErrorMessage = problem,
        }));
    }

    private IResult Created(MediaContainer container)
    {
        containers[container.Id] = container;
        return Json(new { id = container.Id });
    }

    // ig-container GET: fields status_code (EXPIRED, ERROR, FINISHED, IN_PROGRESS, PUBLISHED) and status (the error subcode
    // when status_code is ERROR); id is always returned.
    private async Task<IResult> ContainerStatusAsync(HttpContext context, GraphCall call, MediaContainer container) =>
        Authorized(call, out _, "instagram_basic") ?? await StepAsync(context, Steps.ContainerStatus, () =>
        {
            // This check answers the status as it is, then processing moves one poll on.
            var status = container.Status;
            container.Poll();
            var view = new Dictionary<string, object?> { ["id"] = container.Id };
            var fields = call.Fields.Count == 0 ? ["status_code"] : call.Fields;
            if (fields.Contains("status_code"))
            {
                view["status_code"] = status.ToString();
            }
            if (fields.Contains("status"))
            {
                view["status"] = status == ContainerStatus.ERROR
                    ? container.ErrorMessage ?? container.Children.First(c => c.ErrorMessage is not null).ErrorMessage
                    : status.ToString().Replace('_', ' ');
            }
            return Json(view);
        });

    // ig-user/media_publish POST creation_id: publishes a FINISHED container once, answers {id} of the IG media. A container
    // not FINISHED is refused with code 9007, subcode 2207027 (error-codes: "the media is not ready for publishing, wait a
    // moment"); past the limit code 9, subcode 2207042.
    private async Task<IResult> PublishAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out _, PublishScopes) is { } refused)
        {
            return refused;
        }
        if (call["creation_id"] is not { } id || !containers.TryGetValue(id, out var container) || container.IsCarouselItem)
        {
            return InvalidParameter("The parameter creation_id is required and must name a container of this user.");
        }
        if (container.Status != ContainerStatus.FINISHED)
        {
            return Error(400, "Media ID is not available", "OAuthException", 9007, 2207027);
        }
        if (PublishedInTheLastDay() >= PublishingLimit)
        {
            return Error(400, "The account has published the most posts the API allows in 24 hours.", "OAuthException", 9, 2207042);
        }
        return await StepAsync(context, Steps.Publish, () =>
        {
            lock (container)
            {
                if (container.PublishedMediaId is not null)
                {
                    return Error(400, "Media ID is not available", "OAuthException", 9007, 2207027);
                }
                var published = new PublishedMedia(NewId(), InstagramUserId, container.MediaType, container.Text, container.Id,
                    [.. container.Children.Select(c => c.Id)], null, DateTimeOffset.UtcNow);
                container.PublishedMediaId = published.Id;
                media.Enqueue(published);
                return Json(new { id = published.Id });
            }
        });
    }

    // ig-user/media GET (instagram_basic): the user's media, newest first, {data, paging}; fields id, caption, media_type,
    // permalink, timestamp; limit per page.
    private async Task<IResult> ListMediaAsync(HttpContext context, GraphCall call) =>
        Authorized(call, out _, "instagram_basic") ?? await StepAsync(context, Steps.ListMedia, () =>
        {
            var limit = int.TryParse(call["limit"], out var l) ? Math.Clamp(l, 1, 100) : 25;
            var fields = call.Fields.Count == 0 ? ["id"] : call.Fields;
            var data = Media.Reverse().Take(limit).Select(m => View(m).Where(f => f.Key == "id" || fields.Contains(f.Key)).ToDictionary()).ToList();
            return Json(new { data, paging = new { cursors = new { before = "QVFIU0", after = "QVFIU0" } } });
        });

    // instagram-media/insights "Metrics": what each media product type reports. FEED (images and carousel albums) and REELS
    // differ; views replaced impressions, plays and video_views (deprecated; impressions errors for media created on or
    // after 2024-07-02, which is all media this server holds).
    private static readonly string[] FeedMetrics =
        ["comments", "follows", "likes", "profile_activity", "profile_visits", "reach", "saved", "shares", "total_interactions", "views"];
    private static readonly string[] ReelsMetrics =
        ["comments", "ig_reels_avg_watch_time", "ig_reels_video_view_total_time", "likes", "reach", "saved", "shares", "total_interactions", "views"];

    // https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights: GET /{ig-media-id}/insights
    // ?metric=<comma-separated list> (required) with a User token holding instagram_basic, instagram_manage_insights and
    // pages_read_engagement ("Requirements", Facebook Login). A metric the media's product type does not report is refused
    // as an invalid parameter (#100) naming the metric's position and the valid values.
    private async Task<IResult> MediaInsightsAsync(HttpContext context, GraphCall call, PublishedMedia published)
    {
        if (Authorized(call, out _, "instagram_basic", "instagram_manage_insights", "pages_read_engagement") is { } refused)
        {
            return refused;
        }
        if (RequestedMetrics(call, published.MediaType == "REELS" ? ReelsMetrics : FeedMetrics, out var requested) is { } invalid)
        {
            return invalid;
        }
        return await StepAsync(context, Steps.MediaInsights, () => Json(GraphInsights.Answer(published.Id, requested, Insights)));
    }

    private Dictionary<string, object?> View(PublishedMedia published) => new()
    {
        ["id"] = published.Id, ["caption"] = published.Text, ["media_type"] = published.MediaType == "REELS" ? "VIDEO" : published.MediaType == "CAROUSEL" ? "CAROUSEL_ALBUM" : published.MediaType,
        ["media_product_type"] = published.MediaType == "REELS" ? "REELS" : "FEED", ["permalink"] = $"https://www.instagram.com/p/{published.Id}/",
        ["timestamp"] = Timestamp(published.CreatedAt), ["username"] = Username,
    };

    private int PublishedInTheLastDay() => Media.Count(m => m.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1));

    private int PlannedProcessingPolls()
    {
        var polls = 0;
        while (Faults.TakeProcessingPoll())
        {
            polls++;
        }
        return polls;
    }

    // content-publishing "Media on a public server": Instagram cURLs the media; images must be JPEG (error-codes:
    // 2207052 media could not be fetched, 2207009/2207026 unsupported format).
    private static async Task<string?> MediaProblemAsync(string url, bool image)
    {
        var (fetched, contentType) = await FetchAsync(url);
        return !fetched ? "Error: 2207052 The media could not be fetched from this URI"
            : image && contentType != "image/jpeg" ? "Error: 2207009 The image format is not supported; only JPEG is"
            : null;
    }
}

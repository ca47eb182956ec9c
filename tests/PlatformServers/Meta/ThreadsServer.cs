using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Meta;

/// <summary>
/// The Threads API (graph.threads.net), written from
/// https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions (authorize window, code
/// exchange POST /oauth/access_token answering {access_token, user_id}),
/// https://developers.facebook.com/docs/threads/get-started/long-lived-tokens (GET /access_token?grant_type=th_exchange_token,
/// GET /refresh_access_token?grant_type=th_refresh_token; a refreshable token must still be valid),
/// https://developers.facebook.com/docs/threads/posts and https://developers.facebook.com/docs/threads/reference/publishing
/// (POST /{threads-user-id}/threads: media_type TEXT, IMAGE, VIDEO, CAROUSEL; text at most 500 characters; image_url,
/// video_url, is_carousel_item, children, reply_to_id; POST /{threads-user-id}/threads_publish?creation_id;
/// GET /{threads-container-id}?fields=status,error_message),
/// https://developers.facebook.com/docs/threads/troubleshooting (status IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED and
/// the error_message values), https://developers.facebook.com/docs/threads/threads-media (GET /{threads-user-id}/threads:
/// id, text, timestamp, permalink), https://developers.facebook.com/docs/threads/threads-profiles (/me) and
/// https://developers.facebook.com/docs/threads/troubleshooting#rate-limiting (threads_publishing_limit: 250 posts per 24 hours).
/// </summary>
public sealed class ThreadsServer() : GraphServer("threads-app-id", "threads-app-secret")
{
    public static class Steps
    {
        public const string Token = "token";
        public const string CreateContainer = "create-container";
        public const string CreateCarousel = "create-carousel";
        public const string ContainerStatus = "container-status";
        public const string Publish = "threads-publish";
        public const string ListThreads = "list-threads";
        public const string Refresh = "refresh-token";
        public const string MediaInsights = "media-insights";
        public const string UserInsights = "user-insights";
    }

    private const int MaxTextLength = 500;
    private readonly ConcurrentDictionary<string, MediaContainer> containers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PublishedMedia> threads = new();

    public string UserId { get; set; } = "25880000000000001";
    public string Username { get; set; } = "conformance.threads";
    public int PublishingLimit { get; set; } = 250;

    /// <summary>The lifetime insights a media insights call answers, by thread id and metric name.</summary>
    public InsightCounters Insights { get; } = new();

    /// <summary>The followers_count a user insights call answers, by Threads user id.</summary>
    public FollowerCounts Followers { get; } = new();

    public IReadOnlyList<PublishedMedia> Threads => [.. threads.Where(t => !t.Deleted)];

    public IReadOnlyList<MediaContainer> Containers => [.. containers.Values.OrderBy(c => c.CreatedAt)];

    protected override string BusinessId => UserId;

    public override IReadOnlyDictionary<string, string> Endpoints => new Dictionary<string, string>
    {
        ["AuthorizeUrl"] = Url + "/oauth/authorize",
        ["TokenUrl"] = Url + "/oauth/access_token",
        ["ApiBaseUrl"] = Url,
    };

    protected override async Task<IResult?> AnswerAsync(HttpContext context, GraphCall call)
    {
        var node = call.Node == "me" ? UserId : call.Node;
        switch (call.Method, node, call.Edge)
        {
            case ("GET", "oauth", "authorize"):
                return Authorize(call);
            case ("POST", "oauth", "access_token"):
                return await StepAsync(context, Steps.Token, () => ExchangeCode(call));
            case ("GET", "access_token", null):
                return await StepAsync(context, Steps.Token, () => Exchange(call, "th_exchange_token", requireSecret: true));
            case ("GET", "refresh_access_token", null):
                return await StepAsync(context, Steps.Refresh, () => Exchange(call, "th_refresh_token", requireSecret: false));
            case ("GET", var user, null) when user == UserId:
                return Authorized(call, out _, "threads_basic") ?? Json(new
                {
                    id = UserId, username = Username, name = "Conformance Threads", threads_profile_picture_url = "https://scontent.cdninstagram.com/threads.jpg",
                    threads_biography = "",
                });
            case ("POST", var user, "threads") when user == UserId:
                return await CreateContainerAsync(context, call);
            case ("POST", var user, "threads_publish") when user == UserId:
                return await PublishAsync(context, call);
            case ("GET", var user, "threads") when user == UserId:
                return await ListAsync(context, call);
            case ("GET", var user, "threads_publishing_limit") when user == UserId:
                return Authorized(call, out _, "threads_basic") ?? Json(new
                {
                    data = new[] { new { quota_usage = Threads.Count(t => t.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)), config = new { quota_total = PublishingLimit, quota_duration = 86_400 } } },
                });
            case ("GET", var user, "threads_insights") when user == UserId:
                return await UserInsightsAsync(context, call);
            case ("GET", var id, null) when containers.TryGetValue(id, out var container):
                return await StatusAsync(context, call, container);
            case ("GET", var id, "insights") when Threads.FirstOrDefault(t => t.Id == id) is { } measured:
                return await MediaInsightsAsync(context, call, measured);
            case ("GET", var id, null) when Threads.FirstOrDefault(t => t.Id == id) is { } post:
                return Authorized(call, out _, "threads_basic") ?? Json(View(post));
            default:
                return null;
        }
    }

    // get-access-tokens-and-permissions: client_id, redirect_uri, scope (comma-separated), response_type=code, state.
    private IResult Authorize(GraphCall call)
    {
        var state = Uri.EscapeDataString(call["state"] ?? "");
        if (call["client_id"] != Grants.ClientId || call["redirect_uri"] != RegisteredRedirectUri || call["response_type"] != "code" || string.IsNullOrWhiteSpace(call["scope"]))
        {
            return Results.Redirect($"{RegisteredRedirectUri}?error=invalid_request&error_description=Invalid+request&state={state}");
        }
        var scopes = call["scope"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Results.Redirect($"{RegisteredRedirectUri}?code={Grants.IssueCode(UserId, RegisteredRedirectUri, scopes)}&state={state}");
    }

    // get-access-tokens-and-permissions: POST /oauth/access_token with client_id, client_secret, code,
    // grant_type=authorization_code, redirect_uri; answers a short-lived {access_token, user_id}.
    private IResult ExchangeCode(GraphCall call)
    {
        if (!Grants.ClientMatches(call["client_id"], call["client_secret"]))
        {
            return Error(400, "Error validating client secret.", "OAuthException", 1);
        }
        var grant = call["grant_type"] == "authorization_code" ? Grants.RedeemCode(call["code"]) : null;
        if (grant is null || call["redirect_uri"] != grant.RedirectUri)
        {
            return Error(400, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
                "OAuthException", 100, 36008);
        }
        var token = Grants.Issue(grant.AccountId, grant.Scopes);
        return Json(new { access_token = token.AccessToken, user_id = UserId });
    }

    // long-lived-tokens: th_exchange_token (with client_secret) turns a valid short-lived token into a long-lived one;
    // th_refresh_token refreshes a valid long-lived one. Both answer {access_token, token_type, expires_in}.
    private IResult Exchange(GraphCall call, string grantType, bool requireSecret)
    {
        if (call["grant_type"] != grantType)
        {
            return InvalidParameter($"grant_type must be {grantType}.");
        }
        if (requireSecret && call["client_secret"] != Grants.ClientSecret)
        {
            return Error(400, "Error validating client secret.", "OAuthException", 1);
        }
        var (problem, current) = Grants.Check(call.AccessToken);
        // Any long-lived token that is still valid can be refreshed, and refreshing one does not invalidate it
        // (https://developers.facebook.com/docs/threads/get-started/long-lived-tokens/): nothing is rotated away.
        Grants.RotateRefreshTokens = false;
        var token = problem == TokenProblem.None ? Grants.Refresh(current!.RefreshToken) : null;
        return token is null
            ? Error(400, "Error validating access token: Session has expired or is invalid.", "OAuthException", 190)
            : Json(new { access_token = token.AccessToken, token_type = "bearer", expires_in = (long)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds });
    }

    // publishing POST /{threads-user-id}/threads (threads_basic, threads_content_publish): TEXT needs text; IMAGE needs
    // image_url; VIDEO needs video_url; CAROUSEL needs children (2 to 20 item containers, is_carousel_item=true); text at
    // most 500 characters; reply_to_id names a published post. Answers {id} of the container.
    private async Task<IResult> CreateContainerAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out _, "threads_basic", "threads_content_publish") is { } refused)
        {
            return refused;
        }
        var (mediaType, text) = (call["media_type"], call["text"]);
        var isItem = call["is_carousel_item"] == "true";
        if (text?.Length > MaxTextLength)
        {
            return InvalidParameter("The text is longer than 500 characters.");
        }
        var replyTo = call["reply_to_id"];
        if (replyTo is not null && Threads.All(t => t.Id != replyTo))
        {
            return InvalidParameter("reply_to_id must name a published post.");
        }
        switch (mediaType)
        {
            case "TEXT" when !isItem:
                if (string.IsNullOrEmpty(text))
                {
                    return InvalidParameter("The parameter text is required for media_type=TEXT.");
                }
                return await StepAsync(context, Steps.CreateContainer, () => Created(new MediaContainer(NewId(), UserId, "TEXT", text) { ReplyToId = replyTo }));
            case "IMAGE" or "VIDEO":
                var url = mediaType == "IMAGE" ? call["image_url"] : call["video_url"];
                if (url is null)
                {
                    return InvalidParameter($"The parameter {(mediaType == "IMAGE" ? "image_url" : "video_url")} is required for media_type={mediaType}.");
                }
                var fetched = (await FetchAsync(url)).Fetched;
                var polls = PlannedProcessingPolls();
                return await StepAsync(context, Steps.CreateContainer, () => Created(new MediaContainer(NewId(), UserId, mediaType, isItem ? null : text)
                {
                    ImageUrl = mediaType == "IMAGE" ? url : null, VideoUrl = mediaType == "VIDEO" ? url : null, AltText = call["alt_text"], IsCarouselItem = isItem,
                    ReplyToId = replyTo, ProcessingPollsLeft = polls, ErrorMessage = fetched ? null : (mediaType == "IMAGE" ? "FAILED_DOWNLOADING_IMAGE" : "FAILED_DOWNLOADING_VIDEO"),
                }));
            case "CAROUSEL" when !isItem:
                var ids = (call["children"] ?? "").Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => i.Trim('"')).ToList();
                var children = ids.Select(i => containers.GetValueOrDefault(i)).ToList();
                if (ids.Count is < 2 or > 20 || children.Any(c => c is null || !c.IsCarouselItem))
                {
                    return InvalidParameter("children must list 2 to 20 carousel item containers (is_carousel_item=true).");
                }
                return await StepAsync(context, Steps.CreateCarousel, () => Created(new MediaContainer(NewId(), UserId, "CAROUSEL", text) { Children = children!, ReplyToId = replyTo }));
            default:
                return InvalidParameter("media_type must be TEXT, IMAGE, VIDEO or CAROUSEL (CAROUSEL and TEXT not as carousel items).");
        }
    }

    private IResult Created(MediaContainer container)
    {
        containers[container.Id] = container;
        return Json(new { id = container.Id });
    }

    // publishing GET /{threads-container-id}?fields=status,error_message: {id, status, error_message when ERROR}.
    private async Task<IResult> StatusAsync(HttpContext context, GraphCall call, MediaContainer container) =>
        Authorized(call, out _, "threads_basic") ?? await StepAsync(context, Steps.ContainerStatus, () =>
        {
            // This check answers the status as it is, then processing moves one poll on.
            var status = container.Status;
            container.Poll();
            var view = new Dictionary<string, object?> { ["id"] = container.Id, ["status"] = status.ToString() };
            if (status == ContainerStatus.ERROR && call.Fields.Contains("error_message"))
            {
                view["error_message"] = container.ErrorMessage ?? container.Children.First(c => c.ErrorMessage is not null).ErrorMessage;
            }
            return Json(view);
        });

    // publishing POST /{threads-user-id}/threads_publish?creation_id: publishes a FINISHED container once, {id} of the post.
    // The pages tell clients to wait until the container is FINISHED; an unfinished one is refused here as a (#100) bad
    // parameter, a published one the same way (troubleshooting: a container is published once, then PUBLISHED).
    private async Task<IResult> PublishAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out _, "threads_basic", "threads_content_publish") is { } refused)
        {
            return refused;
        }
        if (call["creation_id"] is not { } id || !containers.TryGetValue(id, out var container) || container.IsCarouselItem)
        {
            return InvalidParameter("The parameter creation_id is required and must name a container of this user.");
        }
        if (container.Status != ContainerStatus.FINISHED)
        {
            return InvalidParameter($"The container is {container.Status}, not FINISHED, and cannot be published.");
        }
        if (Threads.Count(t => t.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)) >= PublishingLimit)
        {
            return Error(400, "(#4) Application request limit reached", "OAuthException", 4);
        }
        return await StepAsync(context, Steps.Publish, () =>
        {
            lock (container)
            {
                if (container.PublishedMediaId is not null)
                {
                    return InvalidParameter("The container is PUBLISHED, not FINISHED, and cannot be published.");
                }
                var post = new PublishedMedia(NewId(), UserId, container.MediaType == "CAROUSEL" ? "CAROUSEL_ALBUM" : container.MediaType == "TEXT" ? "TEXT_POST" : container.MediaType,
                    container.Text, container.Id, [.. container.Children.Select(c => c.Id)], container.ReplyToId, DateTimeOffset.UtcNow);
                container.PublishedMediaId = post.Id;
                threads.Enqueue(post);
                return Json(new { id = post.Id });
            }
        });
    }

    // threads-media GET /{threads-user-id}/threads (threads_basic): the user's posts newest first, {data, paging}; limit.
    private async Task<IResult> ListAsync(HttpContext context, GraphCall call) =>
        Authorized(call, out _, "threads_basic") ?? await StepAsync(context, Steps.ListThreads, () =>
        {
            var limit = int.TryParse(call["limit"], out var l) ? Math.Clamp(l, 1, 100) : 25;
            var fields = call.Fields.Count == 0 ? ["id"] : call.Fields;
            var data = Threads.Reverse().Take(limit).Select(t => View(t).Where(f => f.Key == "id" || fields.Contains(f.Key)).ToDictionary()).ToList();
            return Json(new { data, paging = new { cursors = new { before = "QVFIU0", after = "QVFIU0" } } });
        });

    private Dictionary<string, object?> View(PublishedMedia post) => new()
    {
        ["id"] = post.Id, ["text"] = post.Text, ["media_type"] = post.MediaType, ["timestamp"] = Timestamp(post.CreatedAt),
        ["permalink"] = $"https://www.threads.net/@{Username}/post/{post.Id}", ["username"] = Username, ["is_reply"] = post.ReplyToId is not null,
    };

    private int PlannedProcessingPolls()
    {
        var polls = 0;
        while (Faults.TakeProcessingPoll())
        {
            polls++;
        }
        return polls;
    }

    // https://developers.facebook.com/docs/threads/insights "Media Insights": GET /{threads-media-id}/insights?metric=<list>
    // of views, likes, replies, reposts, quotes, shares ("Available Metrics"); threads_basic and threads_manage_insights
    // ("Permissions"). Each metric answers one lifetime value.
    private static readonly string[] MediaMetrics = ["views", "likes", "replies", "reposts", "quotes", "shares"];

    private async Task<IResult> MediaInsightsAsync(HttpContext context, GraphCall call, PublishedMedia post)
    {
        if (Authorized(call, out _, "threads_basic", "threads_manage_insights") is { } refused)
        {
            return refused;
        }
        if (RequestedMetrics(call, MediaMetrics, out var requested) is { } invalid)
        {
            return invalid;
        }
        return await StepAsync(context, Steps.MediaInsights, () => Json(GraphInsights.Answer(post.Id, requested, Insights)));
    }

    // https://developers.facebook.com/docs/threads/insights "User Insights": GET /{threads-user-id}/threads_insights
    // ?metric=<comma-separated list> of views, likes, replies, reposts, quotes, clicks, followers_count,
    // follower_demographics ("Available Metrics"), with optional since and until (Unix timestamps, not before 1712991600:
    // "Limitations"; follower_demographics takes neither); threads_basic and threads_manage_insights ("Permissions").
    // followers_count is the profile's current total, answered as total_value: {name, period: "day", title, description,
    // total_value: {value}, id: "{user}/insights/followers_count/day"} ("Example Response"). This server holds no figure
    // for the other metrics, so they are accepted and left out, as unavailable insights are.
    private static readonly string[] UserMetrics = ["views", "likes", "replies", "reposts", "quotes", "clicks", "followers_count", "follower_demographics"];
    private const long EarliestInsightsTime = 1_712_991_600;

    private async Task<IResult> UserInsightsAsync(HttpContext context, GraphCall call)
    {
        if (Authorized(call, out _, "threads_basic", "threads_manage_insights") is { } refused)
        {
            return refused;
        }
        if (RequestedMetrics(call, UserMetrics, out var requested) is { } invalid)
        {
            return invalid;
        }
        foreach (var name in new[] { "since", "until" })
        {
            if (call[name] is { } value && (!long.TryParse(value, out var time) || time < EarliestInsightsTime))
            {
                return InvalidParameter($"{name} must be a Unix timestamp not before {EarliestInsightsTime}.");
            }
        }
        if (requested.Contains("follower_demographics") && (call["since"] is not null || call["until"] is not null))
        {
            return InvalidParameter("follower_demographics does not support the since and until parameters.");
        }
        return await StepAsync(context, Steps.UserInsights, () => Json(new
        {
            data = requested.Where(m => m == "followers_count").Select(m => new
            {
                name = m, period = "day", title = m, description = "The number of followers on your Threads profile.",
                total_value = new { value = Followers.Get(UserId) }, id = $"{UserId}/insights/{m}/day",
            }).ToList(),
        }));
    }
}

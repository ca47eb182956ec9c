using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.PlatformServers.Hosting;

namespace Platform.PlatformServers.Meta;

/// <summary>
/// Facebook Pages publishing, written from https://developers.facebook.com/docs/pages-api/posts (POST /{page-id}/feed with
/// message, link, published, attached_media; a Page access token with pages_manage_posts and pages_read_engagement;
/// answers {id} "{page-id}_{post-id}"; GET /{page-id}/feed), https://developers.facebook.com/docs/graph-api/reference/page/photos/
/// (POST url, caption, published: {id, post_id}; published=false for photos attached to a feed post later),
/// https://developers.facebook.com/docs/graph-api/reference/page/feed/ (reading: id, message, created_time, permalink_url),
/// https://developers.facebook.com/docs/facebook-login/guides/access-tokens ("Page Access Token": a Page token is needed
/// to publish as the Page; error 210 otherwise) and the shared login of <see cref="FacebookLoginServer"/>.
/// </summary>
public sealed class FacebookServer() : FacebookLoginServer("facebook-app-id", "facebook-app-secret")
{
    public static class Steps
    {
        public const string Token = LoginSteps.Token;
        public const string FeedPost = "page-feed";
        public const string Photo = "page-photos";
        public const string ListFeed = "list-feed";
        public const string PostInsights = "post-insights";
        public const string Page = "page";
    }

    private static readonly string[] PublishScopes = ["pages_manage_posts", "pages_read_engagement"];
    private readonly ConcurrentQueue<PublishedMedia> posts = new();
    private readonly ConcurrentDictionary<string, (string Url, string? Caption, bool Published)> photos = new(StringComparer.Ordinal);

    /// <summary>The lifetime insights a post insights call answers, by post id and metric name.</summary>
    public InsightCounters Insights { get; } = new();

    /// <summary>The Page's followers_count and fan_count (people who like it), by Page id.</summary>
    public FollowerCounts Followers { get; } = new();

    public FollowerCounts Fans { get; } = new();

    /// <summary>The engagement a post's fields answer (shares, comments, reactions), by post id.</summary>
    public ConcurrentDictionary<string, FacebookEngagement> Engagement { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PublishedMedia> Posts => [.. posts.Where(p => !p.Deleted)];

    /// <summary>Photos uploaded unpublished (to attach to a feed post), by id.</summary>
    public IReadOnlyDictionary<string, (string Url, string? Caption, bool Published)> Photos => photos;

    protected override string BusinessId => PageId;

    protected override async Task<IResult?> AnswerNodeAsync(HttpContext context, GraphCall call)
    {
        switch (call.Method, call.Node, call.Edge)
        {
            case ("GET", var node, null) when node == PageId:
                return await PageAsync(context, call);
            case ("POST", var node, "feed") when node == PageId:
                return await FeedPostAsync(context, call);
            case ("POST", var node, "photos") when node == PageId:
                return await PhotoAsync(context, call);
            case ("GET", var node, "feed" or "posts" or "published_posts") when node == PageId:
                return await ListAsync(context, call);
            case ("GET", var node, "insights") when Posts.FirstOrDefault(p => p.Id == node) is { } measured:
                return await PostInsightsAsync(context, call, measured);
            case ("GET", var node, null) when Posts.FirstOrDefault(p => p.Id == node) is { } post:
                return PageToken(call, ["pages_read_engagement"]) ?? Json(PostFields(post, call.Fields));
            case ("DELETE", var node, null) when Posts.FirstOrDefault(p => p.Id == node) is { } post:
                if (PageToken(call, PublishScopes) is { } refused)
                {
                    return refused;
                }
                post.Deleted = true;
                return Json(new { success = true });
            default:
                return null;
        }
    }

    // https://developers.facebook.com/docs/graph-api/reference/page "Fields": followers_count ("Number of Users who follow
    // this Page") and fan_count ("The number of users who like the Page"). Reading a Page's own audience takes its Page
    // access token with pages_read_engagement ("Requirements": a Page token of a person who can perform a task on the Page,
    // pages_read_engagement); a user token is refused with (#210) as for the Page's other reads. The Page node has far more
    // fields than this server holds: fields it does not know are left out rather than refused.
    private static readonly string[] AudienceFields = ["followers_count", "fan_count"];

    private async Task<IResult> PageAsync(HttpContext context, GraphCall call)
    {
        var audience = call.FieldNames.Any(AudienceFields.Contains);
        if ((audience ? PageToken(call, ["pages_read_engagement"]) : Authorized(call, out _, "pages_show_list")) is { } refused)
        {
            return refused;
        }
        var values = new Dictionary<string, object?>
        {
            ["id"] = PageId, ["name"] = PageName, ["category"] = "Software", ["link"] = $"https://www.facebook.com/{PageId}",
            ["followers_count"] = Followers.Get(PageId), ["fan_count"] = Fans.Get(PageId),
        };
        var accepted = values.Keys.Concat(call.FieldNames).ToHashSet(StringComparer.Ordinal);
        SelectFields(call, "Page", accepted, values, ["id", "name", "category", "link"], out var view);
        return await StepAsync(context, Steps.Page, () => Json(view));
    }

    // pages-api/posts: message and/or link, or attached_media [{media_fbid}] of unpublished photos; {id}.
    private async Task<IResult> FeedPostAsync(HttpContext context, GraphCall call)
    {
        if (PageToken(call, PublishScopes) is { } refused)
        {
            return refused;
        }
        var attached = new List<string>();
        foreach (var (key, value) in call.Parameters.Where(p => p.Key.StartsWith("attached_media", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            try
            {
                var element = JsonDocument.Parse(value).RootElement;
                foreach (var item in element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element])
                {
                    attached.Add(Text(item, "media_fbid") ?? "");
                }
            }
            catch (JsonException)
            {
                return InvalidParameter($"{key} must be a JSON object {{\"media_fbid\":\"...\"}}.");
            }
        }
        if (attached.Any(id => !photos.TryGetValue(id, out var photo) || photo.Published))
        {
            return InvalidParameter("attached_media must name unpublished photos of this Page.");
        }
        var (message, link) = (call["message"], call["link"]);
        if (string.IsNullOrEmpty(message) && string.IsNullOrEmpty(link) && attached.Count == 0)
        {
            return InvalidParameter("Missing message or attachment.");
        }
        if (link is not null && !Uri.TryCreate(link, UriKind.Absolute, out _))
        {
            return InvalidParameter("link must be an absolute URL.");
        }
        return await StepAsync(context, Steps.FeedPost, () =>
        {
            var post = new PublishedMedia($"{PageId}_{NewId()}", PageId, attached.Count > 0 ? "PHOTOS" : link is null ? "STATUS" : "LINK", message, null, attached, null, DateTimeOffset.UtcNow);
            posts.Enqueue(post);
            return Json(new { id = post.Id });
        });
    }

    // page/photos: url (fetched by Facebook), caption or message, published (default true). Published: {id, post_id}; an
    // unpublished photo: {id}, to attach to a feed post.
    private async Task<IResult> PhotoAsync(HttpContext context, GraphCall call)
    {
        if (PageToken(call, PublishScopes) is { } refused)
        {
            return refused;
        }
        var url = call["url"];
        if (url is null)
        {
            return InvalidParameter("Requires one of the params: url, source.");
        }
        if (!(await FetchAsync(url)).Fetched)
        {
            return Error(400, "(#324) Missing or invalid image file", "OAuthException", 324);
        }
        var published = call["published"] != "false";
        var caption = call["caption"] ?? call["message"];
        return await StepAsync(context, Steps.Photo, () =>
        {
            var id = NewId();
            photos[id] = (url, caption, published);
            if (!published)
            {
                return Json(new { id });
            }
            var post = new PublishedMedia($"{PageId}_{NewId()}", PageId, "PHOTO", caption, null, [id], null, DateTimeOffset.UtcNow);
            posts.Enqueue(post);
            return Json(new { id, post_id = post.Id });
        });
    }

    // page/feed reading: newest first, {data: [{id, message, created_time, permalink_url}], paging}; limit per page.
    private async Task<IResult> ListAsync(HttpContext context, GraphCall call) =>
        PageToken(call, ["pages_read_engagement"]) ?? await StepAsync(context, Steps.ListFeed, () =>
        {
            var limit = int.TryParse(call["limit"], out var l) ? Math.Clamp(l, 1, 100) : 25;
            var fields = call.Fields.Count == 0 ? ["message", "created_time"] : call.Fields;
            var data = Posts.Reverse().Take(limit).Select(p => View(p).Where(f => f.Key == "id" || fields.Contains(f.Key)).ToDictionary()).ToList();
            return Json(new { data, paging = new { cursors = new { before = "QVFIU0", after = "QVFIU0" } } });
        });

    private static Dictionary<string, object?> View(PublishedMedia post) => new()
    {
        ["id"] = post.Id, ["message"] = post.Text, ["created_time"] = Timestamp(post.CreatedAt),
        ["permalink_url"] = $"https://www.facebook.com/{post.Id.Replace('_', '/')}",
    };

    // https://developers.facebook.com/docs/graph-api/reference/insights "Page Post Metrics": post metrics answer one lifetime
    // value each (post_reactions_by_type_total an object of counts by reaction). Metrics deprecated for every version answer
    // the invalid-metric error: https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics (the *_unique
    // impression metrics, 2025; alternative post_total_media_view_unique) and the March 2024 list on the same page
    // (post_engaged_users, post_negative_feedback and others), hence not in this list.
    private static readonly string[] PostMetrics =
    [
        "post_impressions", "post_impressions_paid", "post_impressions_fan", "post_impressions_organic", "post_impressions_viral",
        "post_impressions_nonviral", "post_media_view", "post_total_media_view_unique", "post_clicks", "post_clicks_by_type",
        "post_reactions_like_total", "post_reactions_love_total", "post_reactions_wow_total", "post_reactions_haha_total",
        "post_reactions_sorry_total", "post_reactions_anger_total", "post_reactions_by_type_total", "post_video_views",
    ];

    // insights "Reading": GET /{page-post-id}/insights?metric=<comma-separated list>, with a Page access token of a person who
    // can perform the ANALYZE task, holding read_insights and pages_read_engagement ("Permissions"). No metric: error 3001,
    // subcode 1504028 ("No metric was specified to be fetched"); an unknown or deprecated one: (#100) invalid metric.
    private async Task<IResult> PostInsightsAsync(HttpContext context, GraphCall call, PublishedMedia post)
    {
        if (PageToken(call, ["read_insights", "pages_read_engagement"]) is { } refused)
        {
            return refused;
        }
        var requested = GraphInsights.Requested(call);
        if (requested.Count == 0)
        {
            return Error(400, "No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.", "OAuthException", 3001, 1504028);
        }
        if (GraphInsights.FirstInvalid(requested, PostMetrics) is { } invalid)
        {
            return InvalidParameter($"The value must be a valid insights metric: {invalid.Name}");
        }
        return await StepAsync(context, Steps.PostInsights, () => Json(GraphInsights.Answer(post.Id, requested, Insights)));
    }

    // https://developers.facebook.com/docs/graph-api/reference/post (fields: shares, "the shares count of this post", as
    // {count}, absent when never shared) and its edges https://developers.facebook.com/docs/graph-api/reference/object/comments
    // and https://developers.facebook.com/docs/graph-api/reference/object/reactions, read as fields with modifiers
    // (comments.summary(true).limit(0)): {data: [...], summary: {total_count}} (field expansion:
    // https://developers.facebook.com/docs/graph-api/field-expansion).
    private Dictionary<string, object?> PostFields(PublishedMedia post, IReadOnlyList<string> fields)
    {
        var engagement = Engagement.GetValueOrDefault(post.Id) ?? new FacebookEngagement(0, 0, 0);
        var view = View(post).Where(f => f.Key == "id" || fields.Contains(f.Key)).ToDictionary();
        foreach (var field in fields)
        {
            var name = field.Split('.', '{')[0];
            var summary = field.Contains(".summary(true)", StringComparison.Ordinal) || field.Contains(".summary(total_count)", StringComparison.Ordinal);
            switch (name)
            {
                case "shares" when engagement.Shares > 0:
                    view["shares"] = new { count = engagement.Shares };
                    break;
                case "comments" or "reactions":
                    var count = name == "comments" ? engagement.Comments : engagement.Reactions;
                    view[name] = summary
                        ? new Dictionary<string, object> { ["data"] = Array.Empty<object>(), ["summary"] = new { total_count = count } }
                        : new Dictionary<string, object> { ["data"] = Array.Empty<object>() };
                    break;
            }
        }
        return view;
    }

    /// <summary>A valid token of this Page (not the user's) with the scopes: access-tokens "Page Access Token", error 210.</summary>
    private IResult? PageToken(GraphCall call, string[] scopes)
    {
        if (Authorized(call, out var token, scopes) is { } refused)
        {
            return refused;
        }
        return token.AccountId == PageId ? null : Error(400, "(#210) A page access token is required to request this resource.", "OAuthException", 210);
    }
}

/// <summary>A Facebook post's engagement counts: shares, comments and reactions (likes and the other reaction types).</summary>
public sealed record FacebookEngagement(long Shares, long Comments, long Reactions);

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Facebook Pages: each managed Page is an account; posts go to /feed, /photos or /videos with the Page token, and
/// several photos to /photos unpublished, then to /feed as attached media.
/// </summary>
internal sealed class FacebookClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : FacebookLoginClient(http, options, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Facebook;

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken) =>
        (await PagesAsync(tokens, cancellationToken)).Select(page => new PlatformIdentity(
            Required(page, "id"), Required(page, "name"), null, Optional(page, "picture", "data", "url"), PageTokens(page, tokens),
            new Dictionary<string, string> { ["category"] = Optional(page, "category") ?? "" })).ToList();

    protected override string PageIdOf(AccountCredentials account) => account.ExternalId;

    /// <summary>Journal step: the unpublished photos a multi-photo post uploaded so far, comma-separated in the post's order.</summary>
    internal const string PhotosStep = "facebook.photos";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        var page = account.ExternalId;
        var json = content.MediaItems switch
        {
            [{ Kind: MediaKind.Video } video] => await GraphPostAsync($"{page}/videos", account.AccessToken, cancellationToken,
                ("file_url", video.Url), ("description", content.Text), ("title", content.Title)),
            [var photo] => await GraphPostAsync($"{page}/photos", account.AccessToken, cancellationToken,
                ("url", photo.Url), ("message", content.Text)),
            [_, _, ..] photos => await PublishPhotosAsync(page, account.AccessToken, content.Text, photos, journal, cancellationToken),
            _ => await GraphPostAsync($"{page}/feed", account.AccessToken, cancellationToken,
                ("message", content.Text), ("link", content.Link)),
        };
        var id = Optional(json, "post_id") ?? Required(json, "id");
        return new PublishedPost(id, $"https://www.facebook.com/{id}");
    }

    /// <summary>
    /// A multi-photo post: each photo is uploaded unpublished (https://developers.facebook.com/docs/pages-api/posts,
    /// "Publish a multi-photo post": <c>published=false</c>) and recorded, then one feed post attaches them in order. A
    /// later attempt attaches the photos already uploaded and uploads only the rest.
    /// </summary>
    private async Task<JsonElement> PublishPhotosAsync(
        string page, string token, string? text, IReadOnlyList<MediaItem> photos, PublishJournal journal, CancellationToken cancellationToken)
    {
        var uploaded = (journal.Find(PhotosStep) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Take(photos.Count).ToList();
        for (var index = uploaded.Count; index < photos.Count; index++)
        {
            var photo = await GraphPostAsync($"{page}/photos", token, cancellationToken, ("url", photos[index].Url), ("published", "false"));
            uploaded.Add(Required(photo, "id"));
            await journal.RecordAsync(PhotosStep, string.Join(',', uploaded), cancellationToken);
        }
        var attached = uploaded.Select((id, index) => ($"attached_media[{index}]", (string?)JsonSerializer.Serialize(new { media_fbid = id })));
        return await GraphPostAsync($"{page}/feed", token, cancellationToken, [("message", text), .. attached]);
    }

    /// <summary>
    /// By the message, as the Page's published posts show it (https://developers.facebook.com/docs/pages-api/posts,
    /// "Get Posts": <c>message</c>, <c>created_time</c>). A post without a message (photos or a link alone) cannot be
    /// told apart from the Page's other posts that way.
    /// </summary>
    public override Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(content.Text)
            ? Task.FromResult(ReconcileResult.Unknowable("Facebook's answer to a Page post without a message was lost, and such a post cannot be told apart from the Page's others"))
            : base.ReconcileAsync(account, content, journal, lostSince, cancellationToken);

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var insights = Insights(await GraphGetAsync($"{platformPostId}/insights", account.AccessToken, cancellationToken,
            ("metric", "post_impressions,post_total_media_view_unique,post_clicks")));
        // https://developers.facebook.com/docs/graph-api/reference/insights#page-posts: post_impressions counts times
        // shown. The people it was shown to (reach) is post_total_media_view_unique: post_impressions_unique answers an
        // invalid-metric error for every version since 2025 (https://developers.facebook.com/docs/platforminsights/page/deprecated-metrics).
        // Likes, comments and shares are the post's own fields, not insights (https://developers.facebook.com/docs/graph-api/reference/post:
        // shares {count}, absent when never shared; the comments and reactions edges with summary total_count).
        var post = await GraphGetAsync(platformPostId, account.AccessToken, cancellationToken,
            ("fields", "shares,comments.summary(true).limit(0),reactions.summary(true).limit(0)"));
        return new PostMetrics(platformPostId,
            Impressions: Metric(insights, "post_impressions"),
            Reach: Metric(insights, "post_total_media_view_unique"),
            Clicks: Metric(insights, "post_clicks"),
            Likes: OptionalLong(post, "reactions", "summary", "total_count"),
            Comments: OptionalLong(post, "comments", "summary", "total_count"),
            Shares: OptionalLong(post, "shares", "count"),
            Other: insights);
    }

    /// <summary>
    /// The Page's <c>followers_count</c> field, the people following it (https://developers.facebook.com/docs/graph-api/reference/page,
    /// "Fields"; <c>fan_count</c> counts likes, which is not the same).
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        new(OptionalLong(await GraphGetAsync(account.ExternalId, account.AccessToken, cancellationToken, ("fields", "followers_count")), "followers_count"));

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync($"{account.ExternalId}/published_posts", account.AccessToken, cancellationToken,
                ("fields", "id,message,created_time,permalink_url"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture))))
            .Select(p => new RecentPost(Required(p, "id"), Optional(p, "message"), Time(p, "created_time"), Optional(p, "permalink_url")))
            .ToList();
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Facebook Pages: each managed Page is an account; posts go to /feed, /photos or /videos with the Page token, and
/// several photos to /photos unpublished, then to /feed as attached media.
/// </summary>
internal sealed class FacebookClient(HttpClient http, IConfiguration configuration, IContentRules rules, TimeProvider clock)
    : FacebookLoginClient(http, configuration, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Facebook;

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken) =>
        (await PagesAsync(tokens, cancellationToken)).Select(page => new PlatformIdentity(
            Required(page, "id"), Required(page, "name"), null, Optional(page, "picture", "data", "url"), PageTokens(page, tokens),
            new Dictionary<string, string> { ["category"] = Optional(page, "category") ?? "" })).ToList();

    protected override string PageIdOf(AccountCredentials account) => account.ExternalId;

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var page = account.ExternalId;
        var json = content.MediaItems switch
        {
            [{ Kind: MediaKind.Video } video] => await GraphPostAsync($"{page}/videos", account.AccessToken, cancellationToken,
                ("file_url", video.Url), ("description", content.Text), ("title", content.Title)),
            [var photo] => await GraphPostAsync($"{page}/photos", account.AccessToken, cancellationToken,
                ("url", photo.Url), ("message", content.Text)),
            [_, _, ..] photos => await PublishPhotosAsync(page, account.AccessToken, content.Text, photos, cancellationToken),
            _ => await GraphPostAsync($"{page}/feed", account.AccessToken, cancellationToken,
                ("message", content.Text), ("link", content.Link)),
        };
        var id = Optional(json, "post_id") ?? Required(json, "id");
        return new PublishedPost(id, $"https://www.facebook.com/{id}");
    }

    /// <summary>
    /// A multi-photo post: each photo is uploaded unpublished, then one feed post attaches them in order. Photos left
    /// unpublished by a failure are deleted by Facebook after about a day, so a retry starts over cleanly.
    /// </summary>
    private async Task<JsonElement> PublishPhotosAsync(string page, string token, string? text, IReadOnlyList<MediaItem> photos, CancellationToken cancellationToken)
    {
        var attached = new List<(string, string?)>();
        foreach (var photo in photos)
        {
            var uploaded = await GraphPostAsync($"{page}/photos", token, cancellationToken, ("url", photo.Url), ("published", "false"));
            attached.Add(($"attached_media[{attached.Count}]", JsonSerializer.Serialize(new { media_fbid = Required(uploaded, "id") })));
        }
        return await GraphPostAsync($"{page}/feed", token, cancellationToken, [("message", text), .. attached]);
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var insights = Insights(await GraphGetAsync($"{platformPostId}/insights", account.AccessToken, cancellationToken,
            ("metric", "post_impressions_unique,post_clicks")));
        return new PostMetrics(platformPostId,
            Impressions: insights.GetValueOrDefault("post_impressions_unique"),
            Clicks: insights.GetValueOrDefault("post_clicks"),
            Other: insights);
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync($"{account.ExternalId}/published_posts", account.AccessToken, cancellationToken,
                ("fields", "id,message,created_time,permalink_url"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture))))
            .Select(p => new RecentPost(Required(p, "id"), Optional(p, "message"), Time(p, "created_time"), Optional(p, "permalink_url")))
            .ToList();
}

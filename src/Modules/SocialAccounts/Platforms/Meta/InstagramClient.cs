using System.Globalization;
using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Instagram API with Facebook Login: the professional accounts linked to the user's Pages are the accounts;
/// publishing is container → (poll) → media_publish with the Page token.
/// </summary>
internal sealed class InstagramClient(HttpClient http, IConfiguration configuration, IContentRules rules, TimeProvider clock)
    : FacebookLoginClient(http, configuration, rules, clock)
{
    public override SocialPlatform Platform => SocialPlatform.Instagram;

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var accounts = new List<PlatformIdentity>();
        foreach (var page in await PagesAsync(tokens, cancellationToken))
        {
            var pageTokens = PageTokens(page, tokens);
            var link = await GraphGetAsync(Required(page, "id"), pageTokens.AccessToken, cancellationToken, ("fields", "instagram_business_account"));
            if (Optional(link, "instagram_business_account", "id") is not { } igId)
            {
                continue;
            }
            var ig = await GraphGetAsync(igId, pageTokens.AccessToken, cancellationToken, ("fields", "id,username,name,profile_picture_url"));
            accounts.Add(new PlatformIdentity(igId, Optional(ig, "name") ?? Required(ig, "username"), Optional(ig, "username"),
                Optional(ig, "profile_picture_url"), pageTokens, new Dictionary<string, string> { ["page_id"] = Required(page, "id") }));
        }
        return accounts;
    }

    /// <summary>
    /// A long-lived Instagram user token is refreshed with itself (<c>grant_type=ig_refresh_token</c>, answered
    /// <c>{access_token, token_type, expires_in}</c>: developers.facebook.com/docs/instagram-platform/reference/refresh_access_token);
    /// only those carry an expiry, so a Page token (none) is never sent here.
    /// </summary>
    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Get,
            Url(Options.RefreshUrl ?? $"{Api}/refresh_access_token", ("grant_type", "ig_refresh_token"), ("access_token", account.AccessToken))), cancellationToken));

    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken)
    {
        var ig = account.ExternalId;
        string container;
        if (content.MediaItems.Count > 1)
        {
            var children = new List<string>();
            foreach (var item in content.MediaItems)
            {
                children.Add(await CreateContainerAsync(account, item, null, carouselItem: true, cancellationToken));
            }
            // A carousel may only name children Instagram has finished processing
            // (https://developers.facebook.com/docs/instagram-platform/content-publishing/#carousel-posts).
            foreach (var child in children)
            {
                await WaitForContainerAsync(child, "status_code", account.AccessToken, cancellationToken);
            }
            container = Required(await GraphPostAsync($"{ig}/media", account.AccessToken, cancellationToken,
                ("media_type", "CAROUSEL"), ("children", string.Join(',', children)), ("caption", content.Text)), "id");
        }
        else
        {
            container = await CreateContainerAsync(account, content.MediaItems[0], content.Text, carouselItem: false, cancellationToken);
        }
        await WaitForContainerAsync(container, "status_code", account.AccessToken, cancellationToken);
        var id = Required(await GraphPostAsync($"{ig}/media_publish", account.AccessToken, cancellationToken, ("creation_id", container)), "id");
        var media = await GraphGetAsync(id, account.AccessToken, cancellationToken, ("fields", "permalink"));
        return new PublishedPost(id, Optional(media, "permalink"));
    }

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var insights = Insights(await GraphGetAsync($"{platformPostId}/insights", account.AccessToken, cancellationToken,
            ("metric", "views,reach,likes,comments,shares,saved,total_interactions")));
        return new PostMetrics(platformPostId,
            Impressions: insights.GetValueOrDefault("reach"),
            Views: insights.GetValueOrDefault("views"),
            Likes: insights.GetValueOrDefault("likes"),
            Comments: insights.GetValueOrDefault("comments"),
            Shares: insights.GetValueOrDefault("shares"),
            Other: insights);
    }

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                ("fields", "id,caption,permalink,timestamp"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture))))
            .Select(m => new RecentPost(Required(m, "id"), Optional(m, "caption"), Time(m, "timestamp"), Optional(m, "permalink")))
            .ToList();

    private async Task<string> CreateContainerAsync(AccountCredentials account, MediaItem item, string? caption, bool carouselItem, CancellationToken cancellationToken)
    {
        var flag = carouselItem ? "true" : null;
        var json = item.Kind == MediaKind.Video
            ? await GraphPostAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                ("media_type", "REELS"), ("video_url", item.Url), ("caption", caption), ("is_carousel_item", flag))
            : await GraphPostAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                ("image_url", item.Url), ("caption", caption), ("alt_text", item.AltText), ("is_carousel_item", flag));
        return Required(json, "id");
    }
}

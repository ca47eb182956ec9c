using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Instagram API with Facebook Login: the professional accounts linked to the user's Pages are the accounts;
/// publishing is container → (poll) → media_publish with the Page token.
/// </summary>
internal sealed class InstagramClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : FacebookLoginClient(http, options, rules, clock)
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

    protected override string PageIdOf(AccountCredentials account) =>
        account.Metadata.GetValueOrDefault("page_id") ?? throw Fail(PlatformErrorKind.Permanent, "The account does not record its Page; reconnect it.");

    /// <summary>
    /// An account connected with Facebook Login keeps its user token as the refresh token and renews it by exchange.
    /// A long-lived Instagram user token is refreshed with itself (<c>grant_type=ig_refresh_token</c>, answered
    /// <c>{access_token, token_type, expires_in}</c>: developers.facebook.com/docs/instagram-platform/reference/refresh_access_token);
    /// only those carry an expiry, so a Page token (none) is never sent here.
    /// </summary>
    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) => account.RefreshToken is not null
        ? await base.RefreshAsync(account, cancellationToken)
        : ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Get,
            Url(Options.RefreshUrl ?? $"{Api}/refresh_access_token", ("grant_type", "ig_refresh_token"), ("access_token", account.AccessToken))), cancellationToken));

    /// <summary>Journal step: the container to publish (the image, reel or carousel container).</summary>
    internal const string ContainerStep = "instagram.container";

    /// <summary>Journal step: a carousel's item containers created so far, comma-separated in the post's order.</summary>
    internal const string ChildrenStep = "instagram.children";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    /// <summary>
    /// With a container from an earlier attempt, polls it to FINISHED and publishes it (or finds the post when it is
    /// PUBLISHED) instead of creating another; a carousel reuses the item containers already created. Only an ERROR or
    /// EXPIRED container is replaced.
    /// </summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        if (journal.Find(ContainerStep) is { } known &&
            await ContinueContainerAsync(account, content, known, "status_code", "", c => PublishFinishedAsync(account, c, cancellationToken), cancellationToken) is { } continued)
        {
            return continued;
        }
        string container;
        if (content.MediaItems.Count > 1)
        {
            var children = await CarouselItemsAsync(account, content.MediaItems, journal, cancellationToken);
            // A carousel may only name children Instagram has finished processing
            // (https://developers.facebook.com/docs/instagram-platform/content-publishing/#carousel-posts).
            foreach (var child in children)
            {
                await WaitForContainerAsync(child, "status_code", account.AccessToken, cancellationToken);
            }
            container = Required(await GraphPostAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                ("media_type", "CAROUSEL"), ("children", string.Join(',', children)), ("caption", content.Text)), "id");
        }
        else
        {
            container = await CreateContainerAsync(account, content.MediaItems[0], content.Text, carouselItem: false, cancellationToken);
        }
        await journal.RecordAsync(ContainerStep, container, cancellationToken);
        return await PublishFinishedAsync(account, container, cancellationToken);
    }

    /// <summary>The item containers of a carousel: those an earlier attempt created (while all are usable), then the rest, each recorded as created.</summary>
    private async Task<List<string>> CarouselItemsAsync(AccountCredentials account, IReadOnlyList<MediaItem> items, PublishJournal journal, CancellationToken cancellationToken)
    {
        var children = (journal.Find(ChildrenStep) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Take(items.Count).ToList();
        foreach (var child in children)
        {
            if (await ContainerStateAsync(child, "status_code", account.AccessToken, cancellationToken) == ContainerState.Unusable)
            {
                children.Clear();
                break;
            }
        }
        for (var index = children.Count; index < items.Count; index++)
        {
            children.Add(await CreateContainerAsync(account, items[index], null, carouselItem: true, cancellationToken));
            await journal.RecordAsync(ChildrenStep, string.Join(',', children), cancellationToken);
        }
        return children;
    }

    private async Task<PublishedPost> PublishFinishedAsync(AccountCredentials account, string container, CancellationToken cancellationToken)
    {
        await WaitForContainerAsync(container, "status_code", account.AccessToken, cancellationToken);
        var id = await PublishContainerAsync(account, container, cancellationToken);
        var media = await GraphGetAsync(id, account.AccessToken, cancellationToken, ("fields", "permalink"));
        return new PublishedPost(id, Optional(media, "permalink"));
    }

    /// <summary>By the recorded container's status: PUBLISHED means the media exists (found by its caption), any other that it does not.</summary>
    public override Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) =>
        ReconcileContainerAsync(account, content, journal.Find(ContainerStep), "status_code", "", lostSince, cancellationToken);

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var insights = Insights(await GraphGetAsync($"{platformPostId}/insights", account.AccessToken, cancellationToken,
            ("metric", "views,reach,likes,comments,shares,saved,total_interactions")));
        // https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights: "reach" is unique
        // accounts, "saved" the saves; media insights have no impressions figure any more ("views" replaced it).
        return new PostMetrics(platformPostId,
            Reach: Metric(insights, "reach"),
            Saves: Metric(insights, "saved"),
            Views: Metric(insights, "views"),
            Likes: Metric(insights, "likes"),
            Comments: Metric(insights, "comments"),
            Shares: Metric(insights, "shares"),
            Other: insights);
    }

    /// <summary>
    /// The IG user's <c>followers_count</c> field (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user),
    /// read with the Page token the account holds.
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        new(OptionalLong(await GraphGetAsync(account.ExternalId, account.AccessToken, cancellationToken, ("fields", "followers_count")), "followers_count"));

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                ("fields", "id,caption,permalink,timestamp"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture))))
            .Select(m => new RecentPost(Required(m, "id"), Optional(m, "caption"), Time(m, "timestamp"), Optional(m, "permalink")))
            .ToList();

    /// <summary><c>media_publish</c>; past the 24-hour limit, the refusal waits until the window has room.</summary>
    private async Task<string> PublishContainerAsync(AccountCredentials account, string container, CancellationToken cancellationToken)
    {
        try
        {
            return Required(await GraphPostAsync($"{account.ExternalId}/media_publish", account.AccessToken, cancellationToken, ("creation_id", container)), "id");
        }
        catch (PlatformException limit) when (limit.PlatformCode == PublishingLimitCode)
        {
            throw new PlatformException(limit.Platform, limit.Kind, limit.Message,
                await WaitForPublishingRoomAsync(account, cancellationToken) ?? limit.RetryAfter, limit.PlatformCode)
            {
                NothingCreated = true,
                PublishingLimitReached = true,
            };
        }
    }

    /// <summary>error-codes: code 9, subcode 2207042, "reached the maximum number of posts" in 24 hours.</summary>
    private const string PublishingLimitCode = "9/2207042";

    /// <summary>
    /// Reads the limit (<c>content_publishing_limit</c>: <c>config.quota_total</c>, <c>config.quota_duration</c>) and the
    /// times of that many recent media; null when either cannot be read, so the caller keeps its fallback wait.
    /// </summary>
    private async Task<TimeSpan?> WaitForPublishingRoomAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        try
        {
            var limit = Data(await GraphGetAsync($"{account.ExternalId}/content_publishing_limit", account.AccessToken, cancellationToken,
                ("fields", "config,quota_usage"))).FirstOrDefault();
            var quota = (int)Math.Clamp(OptionalLong(limit, "config", "quota_total") ?? 100, 1, 100);
            var window = TimeSpan.FromSeconds(OptionalLong(limit, "config", "quota_duration") ?? 86_400);
            var times = Data(await GraphGetAsync($"{account.ExternalId}/media", account.AccessToken, cancellationToken,
                    ("fields", "timestamp"), ("limit", quota.ToString(CultureInfo.InvariantCulture))))
                .Select(m => Time(m, "timestamp")).OfType<DateTimeOffset>();
            return PublishingWindow.WaitUntilRoom(times, quota, window, Clock.GetUtcNow());
        }
        catch (PlatformException)
        {
            return null;
        }
    }

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

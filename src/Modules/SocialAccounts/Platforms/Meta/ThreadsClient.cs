using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// Threads API: its own OAuth (short-lived code token → 60-day long-lived token, refreshed with th_refresh_token) and
/// two-step publishing (container, then threads_publish) on graph.threads.net/v1.0.
/// </summary>
internal sealed class ThreadsClient(HttpClient http, IOptionsMonitor<PlatformOptions> options, IContentRules rules, TimeProvider clock)
    : MetaGraphClient(http, options, rules, clock)
{
    private const string V = "v1.0/";

    public override SocialPlatform Platform => SocialPlatform.Threads;

    public override string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge) => Url(Options.AuthorizeUrl,
        ("client_id", Options.ClientId), ("redirect_uri", redirectUri), ("scope", string.Join(',', Options.ScopeList)),
        ("response_type", "code"), ("state", state));

    public override async Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var shortLived = await SendJsonAsync(Request(HttpMethod.Post, Options.TokenUrl, content: Form(
            ("client_id", Options.ClientId), ("client_secret", Options.ClientSecret), ("code", code),
            ("grant_type", "authorization_code"), ("redirect_uri", redirectUri))), cancellationToken);
        var longLived = await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/access_token?{Query(
            ("grant_type", "th_exchange_token"), ("client_secret", Options.ClientSecret), ("access_token", Required(shortLived, "access_token")))}"), cancellationToken);
        return ReadTokenAnswer(longLived);
    }

    /// <summary>The long-lived token refreshes itself (no refresh token exists).</summary>
    public override async Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        ReadTokenAnswer(await SendJsonAsync(Request(HttpMethod.Get, $"{Api}/refresh_access_token?{Query(
            ("grant_type", "th_refresh_token"), ("access_token", account.AccessToken))}"), cancellationToken));

    /// <summary>No revocation endpoint is documented.</summary>
    public override Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken) => Task.FromResult(false);

    public override async Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken)
    {
        var me = await GraphGetAsync(V + "me", tokens.AccessToken, cancellationToken, ("fields", "id,username,name,threads_profile_picture_url"));
        return [new PlatformIdentity(Required(me, "id"), Optional(me, "name") ?? Required(me, "username"), Optional(me, "username"),
            Optional(me, "threads_profile_picture_url"), tokens, new Dictionary<string, string>())];
    }

    /// <summary>Journal step: the container to publish.</summary>
    internal const string ContainerStep = "threads.container";

    public override Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken) =>
        PublishAsync(account, content, new PublishJournal(), cancellationToken);

    /// <summary>
    /// With a container from an earlier attempt, waits for it and publishes it (or finds the post when it is PUBLISHED)
    /// instead of creating another; only an ERROR or EXPIRED container is replaced.
    /// </summary>
    public override async Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken)
    {
        var media = content.MediaItems.FirstOrDefault();
        if (journal.Find(ContainerStep) is { } known &&
            await ContinueContainerAsync(account, content, known, "status", V, c => PublishContainerAsync(account, c, waitFirst: true, cancellationToken), cancellationToken) is { } continued)
        {
            return continued;
        }
        var text = content.Link is { Length: > 0 } link && !(content.Text ?? "").Contains(link, StringComparison.Ordinal) ? $"{content.Text} {link}".Trim() : content.Text;
        var container = Required(await GraphPostAsync($"{V}{account.ExternalId}/threads", account.AccessToken, cancellationToken,
            ("media_type", media switch { null => "TEXT", { Kind: MediaKind.Video } => "VIDEO", _ => "IMAGE" }),
            ("text", text),
            ("image_url", media is { Kind: MediaKind.Image } ? media.Url : null),
            ("video_url", media is { Kind: MediaKind.Video } ? media.Url : null),
            ("alt_text", media?.AltText)), "id");
        await journal.RecordAsync(ContainerStep, container, cancellationToken);
        return await PublishContainerAsync(account, container, waitFirst: media is not null, cancellationToken);
    }

    /// <summary>A text container needs no processing; a media container is published once FINISHED.</summary>
    private async Task<PublishedPost> PublishContainerAsync(AccountCredentials account, string container, bool waitFirst, CancellationToken cancellationToken)
    {
        if (waitFirst)
        {
            await WaitForContainerAsync(container, "status", account.AccessToken, cancellationToken, V);
        }
        var id = await PublishOrWaitForRoomAsync(account, container, cancellationToken);
        var published = await GraphGetAsync(V + id, account.AccessToken, cancellationToken, ("fields", "permalink"));
        return new PublishedPost(id, Optional(published, "permalink"));
    }

    /// <summary>
    /// <c>threads_publish</c>. Threads answers its publishing limit with the generic "(#4) Application request limit
    /// reached", so on code 4 the profile's <c>threads_publishing_limit</c> tells whether the 250 posts are used up; if
    /// so, the refusal (which published nothing) waits until the oldest counted post leaves the 24 hours.
    /// </summary>
    private async Task<string> PublishOrWaitForRoomAsync(AccountCredentials account, string container, CancellationToken cancellationToken)
    {
        try
        {
            return Required(await GraphPostAsync($"{V}{account.ExternalId}/threads_publish", account.AccessToken, cancellationToken, ("creation_id", container)), "id");
        }
        catch (PlatformException throttled) when (throttled.PlatformCode == ApplicationLimitCode)
        {
            if (await PublishingWindowFullAsync(account, cancellationToken) is not { } window)
            {
                throw;
            }
            throw new PlatformException(throttled.Platform, PlatformErrorKind.RateLimited, $"{Platform}'s limit of {window.Quota} posts in {window.Duration.TotalHours:0} hours is reached.",
                window.Wait ?? PublishingLimitWait, throttled.PlatformCode)
            {
                NothingCreated = true,
                PublishingLimitReached = true,
            };
        }
    }

    /// <summary>Graph's "Application request limit reached", which Threads also answers past its publishing limit.</summary>
    private const string ApplicationLimitCode = "4";

    private sealed record FullWindow(int Quota, TimeSpan Duration, TimeSpan? Wait);

    /// <summary>
    /// The limit when <c>quota_usage</c> has reached <c>config.quota_total</c>, with the wait the recent threads' times
    /// give (one page of at most 100, so a wait only when the quota fits in it); null when the limit has room (an
    /// ordinary throttle) or cannot be read.
    /// </summary>
    private async Task<FullWindow?> PublishingWindowFullAsync(AccountCredentials account, CancellationToken cancellationToken)
    {
        try
        {
            var limit = Data(await GraphGetAsync($"{V}{account.ExternalId}/threads_publishing_limit", account.AccessToken, cancellationToken,
                ("fields", "quota_usage,config"))).FirstOrDefault();
            if (OptionalLong(limit, "quota_usage") is not { } usage || OptionalLong(limit, "config", "quota_total") is not { } total || usage < total)
            {
                return null;
            }
            var quota = (int)Math.Max(total, 1);
            var window = TimeSpan.FromSeconds(OptionalLong(limit, "config", "quota_duration") ?? 86_400);
            var times = Data(await GraphGetAsync($"{V}{account.ExternalId}/threads", account.AccessToken, cancellationToken,
                    ("fields", "timestamp"), ("limit", Math.Min(quota, 100).ToString(CultureInfo.InvariantCulture))))
                .Select(t => Time(t, "timestamp")).OfType<DateTimeOffset>();
            return new FullWindow(quota, window, PublishingWindow.WaitUntilRoom(times, quota, window, Clock.GetUtcNow()));
        }
        catch (PlatformException)
        {
            return null;
        }
    }

    /// <summary>By the recorded container's status (troubleshooting, "Publishing Does Not Return a Media ID"): PUBLISHED means the post exists.</summary>
    public override Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) =>
        ReconcileContainerAsync(account, content, journal.Find(ContainerStep), "status", V, lostSince, cancellationToken);

    public override async Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken)
    {
        var insights = Insights(await GraphGetAsync($"{V}{platformPostId}/insights", account.AccessToken, cancellationToken,
            ("metric", "views,likes,replies,reposts,quotes,shares")));
        return new PostMetrics(platformPostId,
            Views: Metric(insights, "views"),
            Likes: Metric(insights, "likes"),
            Comments: Metric(insights, "replies"),
            // Reposts, quotes and shares all spread the post; none reported is unknown, not zero.
            Shares: new[] { "reposts", "quotes", "shares" }.Select(name => Metric(insights, name)).Aggregate((long?)null, (sum, n) => n is null ? sum : (sum ?? 0) + n),
            Other: insights);
    }

    /// <summary>
    /// The user insight <c>followers_count</c> of <c>/{threads-user-id}/threads_insights</c>, answered as a <c>total_value</c>
    /// (https://developers.facebook.com/docs/threads/insights, "User Insights"; needs threads_manage_insights).
    /// </summary>
    public override async Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken) =>
        new(Metric(Insights(await GraphGetAsync($"{V}{account.ExternalId}/threads_insights", account.AccessToken, cancellationToken,
            ("metric", "followers_count"))), "followers_count"));

    public override async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken) =>
        Data(await GraphGetAsync($"{V}{account.ExternalId}/threads", account.AccessToken, cancellationToken,
                ("fields", "id,text,permalink,timestamp"), ("limit", Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture))))
            .Select(t => new RecentPost(Required(t, "id"), Optional(t, "text"), Time(t, "timestamp"), Optional(t, "permalink")))
            .ToList();
}

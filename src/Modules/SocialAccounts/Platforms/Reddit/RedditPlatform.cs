using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>Reddit (https://www.reddit.com/dev/api): a text or link post with a title, in a subreddit the user names.</summary>
internal sealed class RedditPlatform : PlatformDescriptor
{
    public override SocialPlatform Platform => SocialPlatform.Reddit;

    public override string DisplayName => "Reddit";

    public override Type ClientType => typeof(RedditClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://www.reddit.com/api/v1/authorize";
        options.TokenUrl = "https://www.reddit.com/api/v1/access_token";
        options.RevokeUrl = "https://www.reddit.com/api/v1/revoke_token";
        options.ApiBaseUrl = "https://oauth.reddit.com";
        options.Scopes = "identity submit read history";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
        [new(Platform, null, LimitScope.App, 100, TimeSpan.FromMinutes(1), "100 queries per minute per OAuth client")];

    public override TextLimit Text { get; } = new(TextCounting.Graphemes, 40000, "characters");

    public override void CheckContent(ContentChecker check)
    {
        var content = check.Content;
        check.Required("subreddit", content.Subreddit, "Reddit needs the subreddit to post in.");
        if (!string.IsNullOrWhiteSpace(content.Subreddit) && SubredditName.Normalize(content.Subreddit) is null)
        {
            check.Add("subreddit",
                $"'{content.Subreddit.Trim()}' is not a subreddit name: use the community's name (letters, digits, underscores; at most 21), e.g. r/AskReddit.");
        }
        check.Required("title", content.Title, "Reddit needs a post title.");
        check.MaxLength("title", content.Title, TextCounting.Graphemes, 300, "characters");
        if (content.MediaItems.Count > 0)
        {
            check.Add("media", "This integration posts Reddit text or link posts only.");
        }
        if (!string.IsNullOrWhiteSpace(content.Link) && !string.IsNullOrWhiteSpace(content.Text))
        {
            check.Add("link", "A Reddit post is either a text post or a link post, not both.");
        }
    }

    public override HashtagConvention Hashtags { get; } = new(0, "no hashtags: Reddit does not use them");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.RecentPosts;

    /// <summary>No account metrics: the API reference (https://www.reddit.com/dev/api#GET_api_v1_me) documents no follower count of a user.</summary>
    public override PlatformCapabilities Capabilities => PlatformCapabilities.Text | PlatformCapabilities.Subreddits | PlatformCapabilities.Metrics;

    /// <summary>The subreddit must exist and take the kind of post this is.</summary>
    public override async Task<IReadOnlyList<ContentViolation>> CheckTargetAsync(TargetLookup lookup, PostContent content, CancellationToken cancellationToken) =>
        SubredditName.Normalize(content.Subreddit) is { } subreddit
            ? SubredditRule.Check(content, await lookup.AskAsync<RedditClient, SubredditAbout>(
                (client, credentials) => client.SubredditAboutAsync(credentials, subreddit, cancellationToken), cancellationToken))
            : [];
}

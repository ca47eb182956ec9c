using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.X;

/// <summary>X (https://docs.x.com): OAuth 2.0 with PKCE, weighted text, up to four images or one video or GIF.</summary>
internal sealed class XPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.X;

    public override string DisplayName => "X";

    public override Type ClientType => typeof(XClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://x.com/i/oauth2/authorize";
        options.TokenUrl = "https://api.x.com/2/oauth2/token";
        options.RevokeUrl = "https://api.x.com/2/oauth2/revoke";
        options.ApiBaseUrl = "https://api.x.com";
        options.Scopes = "tweet.read tweet.write users.read media.write offline.access";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
    [
        new(Platform, PlatformOperation.Publish, LimitScope.Account, 100, TimeSpan.FromMinutes(15), "POST /2/tweets 100/15 min per user"),
        new(Platform, PlatformOperation.Publish, LimitScope.App, 10_000, TimeSpan.FromHours(24), "POST /2/tweets 10,000/24 h per app"),
    ];

    public override TextLimit Text { get; } = new(XTextCounting.Weighted, 280, "weighted characters (URLs count 23, emoji and CJK 2)");

    /// <summary>What is counted is what is sent, the appended link included.</summary>
    public override string? SentText(PostContent content) => XPostText.Compose(content.Text, content.Link);

    public override void CheckContent(ContentChecker check)
    {
        check.TextOrMedia();
        if (check.NoMixing())
        {
            var media = check.Content.MediaItems;
            check.MaxCount(media.Count(m => m.Kind == MediaKind.Image), 4, "images");
            check.MaxCount(media.Count(m => m.Kind is MediaKind.Video or MediaKind.Gif), 1, "videos or GIFs");
            if (media.Any(m => m.Kind is MediaKind.Video or MediaKind.Gif) && media.Count > 1)
            {
                check.Add("media", "X allows one video or one GIF per post, not with other media.");
            }
        }
        check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif", "image/webp"], 5 * MB);
        check.Media(MediaKind.Gif, ["image/gif"], 15 * MB);
        check.Media(MediaKind.Video, ["video/mp4"], 512 * MB, 0.5, 140);
    }

    public override HashtagConvention Hashtags { get; } = new(2, "1-2 hashtags, counted in the length");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.RecentPosts;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.MultipleMedia | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;
}

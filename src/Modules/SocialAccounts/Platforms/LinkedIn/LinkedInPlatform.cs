using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.LinkedIn;

/// <summary>LinkedIn (https://learn.microsoft.com/en-us/linkedin/): member posts with one image, video or GIF.</summary>
internal sealed class LinkedInPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.LinkedIn;

    public override string DisplayName => "LinkedIn";

    public override Type ClientType => typeof(LinkedInClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://www.linkedin.com/oauth/v2/authorization";
        options.TokenUrl = "https://www.linkedin.com/oauth/v2/accessToken";
        options.ApiBaseUrl = "https://api.linkedin.com";
        options.Scopes = "openid profile w_member_social";
        options.ApiVersion = "202610";
    }

    public override TextLimit Text { get; } = new(TextCounting.Graphemes, 3000, "characters");

    public override void CheckContent(ContentChecker check)
    {
        check.TextOrMedia();
        check.MaxCount(check.Content.MediaItems.Count, 1, "media items");
        check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif"], null);
        check.Media(MediaKind.Video, ["video/mp4"], 500 * MB, 3, 30 * 60);
        check.Media(MediaKind.Gif, ["image/gif"], null);
    }

    public override HashtagConvention Hashtags { get; } = new(5, "3-5 professional hashtags at the end");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.RecordedPostId;

    /// <summary>
    /// No account metrics: a member's follower count (<c>GET /rest/memberFollowersCount?q=me</c>) needs r_member_profileAnalytics
    /// of the Community Management API (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics),
    /// which the default scopes do not ask for.
    /// </summary>
    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Metrics;
}

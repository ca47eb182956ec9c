using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>Instagram professional accounts (https://developers.facebook.com/docs/instagram-platform/content-publishing): media only, carousels of images.</summary>
internal sealed class InstagramPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.Instagram;

    public override string DisplayName => "Instagram";

    public override Type ClientType => typeof(InstagramClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = $"https://www.facebook.com/{MetaGraph.Version}/dialog/oauth";
        options.TokenUrl = $"https://graph.facebook.com/{MetaGraph.Version}/oauth/access_token";
        options.ApiBaseUrl = $"https://graph.facebook.com/{MetaGraph.Version}";
        options.RefreshUrl = "https://graph.instagram.com/refresh_access_token";
        options.Scopes = "instagram_basic,instagram_content_publish,instagram_manage_insights,pages_show_list,pages_read_engagement";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
        [new(Platform, PlatformOperation.Publish, LimitScope.Account, 50, TimeSpan.FromHours(24), "50 API-published posts per 24 h")];

    public override TextLimit Text { get; } = new(TextCounting.Graphemes, 2200, "characters");

    public override void CheckContent(ContentChecker check)
    {
        var media = check.Content.MediaItems;
        check.MediaRequired("Instagram has no text-only posts");
        check.MaxCount(media.Count, 10, "carousel items");
        if (media.Count > 1 && media.Any(m => m.Kind != MediaKind.Image))
        {
            check.Add("media", "Carousel items must be images in this integration.");
        }
        check.Forbid(MediaKind.Gif, "Instagram does not take GIFs");
        check.Media(MediaKind.Image, ["image/jpeg"], 8 * MB);
        check.Media(MediaKind.Video, ["video/mp4", "video/quicktime"], 1024 * MB, 3, 15 * 60);
    }

    public override HashtagConvention Hashtags { get; } = new(30, "up to 30 hashtags; 5-10 relevant ones work best, at the end");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.ContainerStatus;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.MultipleMedia | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;

    /// <summary>The long-lived token is refreshed with itself (<c>ig_refresh_token</c>).</summary>
    public override bool RefreshesItsOwnToken => true;
}

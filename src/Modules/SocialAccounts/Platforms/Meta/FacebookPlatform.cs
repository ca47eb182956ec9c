using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>Facebook Pages (https://developers.facebook.com/docs/pages-api): text, a link, photos or one video.</summary>
internal sealed class FacebookPlatform : PlatformDescriptor
{
    public override SocialPlatform Platform => SocialPlatform.Facebook;

    public override string DisplayName => "Facebook";

    public override Type ClientType => typeof(FacebookClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = $"https://www.facebook.com/{MetaGraph.Version}/dialog/oauth";
        options.TokenUrl = $"https://graph.facebook.com/{MetaGraph.Version}/oauth/access_token";
        options.ApiBaseUrl = $"https://graph.facebook.com/{MetaGraph.Version}";
        // read_insights: post insights need it with pages_read_engagement (https://developers.facebook.com/docs/graph-api/reference/insights, "Permissions").
        options.Scopes = "pages_show_list,pages_manage_posts,pages_read_engagement,publish_video,read_insights";
    }

    public override TextLimit Text { get; } = new(TextCounting.Graphemes, 63206, "characters");

    public override void CheckContent(ContentChecker check)
    {
        var content = check.Content;
        if (string.IsNullOrWhiteSpace(content.Text) && string.IsNullOrWhiteSpace(content.Link) && content.MediaItems.Count == 0)
        {
            check.Add("text", "A Facebook post needs text, a link or media.");
        }
        if (content.MediaItems.Count > 1 && content.MediaItems.Any(m => m.Kind == MediaKind.Video))
        {
            check.Add("media", "A Facebook video is posted alone; several media items must all be photos.");
        }
        check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"], null);
        check.Media(MediaKind.Gif, ["image/gif"], null);
    }

    public override HashtagConvention Hashtags { get; } = new(3, "at most 2-3 hashtags");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.RecentPosts;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.MultipleMedia | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;
}

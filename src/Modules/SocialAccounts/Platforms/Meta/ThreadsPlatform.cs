using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>Threads (https://developers.facebook.com/docs/threads): text with one image or video in this integration.</summary>
internal sealed class ThreadsPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.Threads;

    public override string DisplayName => "Threads";

    public override Type ClientType => typeof(ThreadsClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://threads.com/oauth/authorize";
        options.TokenUrl = "https://graph.threads.net/oauth/access_token";
        options.ApiBaseUrl = "https://graph.threads.net";
        options.Scopes = "threads_basic,threads_content_publish,threads_manage_insights";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
        [new(Platform, PlatformOperation.Publish, LimitScope.Account, 250, TimeSpan.FromHours(24), "250 API-published posts per 24 h")];

    public override TextLimit Text { get; } = new(ThreadsTextCounting.Length, 500, "characters (emoji count their UTF-8 bytes)");

    public override void CheckContent(ContentChecker check)
    {
        check.TextOrMedia();
        check.MaxCount(check.Content.MediaItems.Count, 1, "media items (this integration posts one image or video)");
        check.Forbid(MediaKind.Gif, "Threads takes JPEG/PNG images or videos");
        check.Media(MediaKind.Image, ["image/jpeg", "image/png"], 8 * MB);
        check.Media(MediaKind.Video, ["video/mp4", "video/quicktime"], 1024 * MB, null, 5 * 60);
    }

    public override HashtagConvention Hashtags { get; } = new(1, "a single topic tag");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.ContainerStatus;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Text | PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;

    /// <summary>The long-lived token is refreshed with itself (<c>th_refresh_token</c>).</summary>
    public override bool RefreshesItsOwnToken => true;
}

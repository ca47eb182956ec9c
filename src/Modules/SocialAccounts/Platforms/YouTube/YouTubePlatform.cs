using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.YouTube;

/// <summary>YouTube (https://developers.google.com/youtube/v3/docs/videos/insert): one video with a title.</summary>
internal sealed class YouTubePlatform : PlatformDescriptor
{
    public override SocialPlatform Platform => SocialPlatform.YouTube;

    public override string DisplayName => "YouTube";

    public override Type ClientType => typeof(YouTubeClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth";
        options.TokenUrl = "https://oauth2.googleapis.com/token";
        options.RevokeUrl = "https://oauth2.googleapis.com/revoke";
        options.ApiBaseUrl = "https://www.googleapis.com";
        options.Scopes = "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
        [new(Platform, PlatformOperation.Publish, LimitScope.App, 100, TimeSpan.FromHours(24), "videos.insert 100 calls/day per project")];

    public override TextLimit Text { get; } = new(TextCounting.Utf8Bytes, 5000, "bytes (UTF-8)");

    public override void CheckContent(ContentChecker check)
    {
        var content = check.Content;
        check.Required("title", content.Title, "YouTube needs a video title.");
        check.MaxLength("title", content.Title, TextCounting.Graphemes, 100, "characters");
        check.NoAngleBrackets("title", content.Title);
        check.NoAngleBrackets("text", content.Text);
        if (content.MediaItems is not [{ Kind: MediaKind.Video }])
        {
            check.Add("media", "YouTube needs exactly one video.");
        }
        check.Media(MediaKind.Video, ["video/*", "application/octet-stream"], null);
    }

    public override HashtagConvention Hashtags { get; } = new(15, "up to 15 hashtags; the first 3 show above the title");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.UploadSession;

    public override PlatformCapabilities Capabilities => PlatformCapabilities.Video | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;
}

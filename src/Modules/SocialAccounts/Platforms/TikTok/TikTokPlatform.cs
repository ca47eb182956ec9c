using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>TikTok (https://developers.tiktok.com/doc/content-posting-api-get-started): one video or a photo post, with the creator's privacy choice.</summary>
internal sealed class TikTokPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    public override SocialPlatform Platform => SocialPlatform.TikTok;

    public override string DisplayName => "TikTok";

    public override Type ClientType => typeof(TikTokClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://www.tiktok.com/v2/auth/authorize/";
        options.TokenUrl = "https://open.tiktokapis.com/v2/oauth/token/";
        options.RevokeUrl = "https://open.tiktokapis.com/v2/oauth/revoke/";
        options.ApiBaseUrl = "https://open.tiktokapis.com";
        options.Scopes = "user.info.basic,user.info.stats,video.publish,video.list";
    }

    public override IReadOnlyList<PlatformLimit> Limits =>
        [new(Platform, PlatformOperation.Publish, LimitScope.Account, 6, TimeSpan.FromMinutes(1), "video/photo init 6/min per token")];

    public override TextLimit Text { get; } = new(TextCounting.Utf16Units, 2200, "characters");

    public override void CheckContent(ContentChecker check)
    {
        var media = check.Content.MediaItems;
        // TikTok's content sharing guidelines: the user picks the privacy level, with no default (https://developers.tiktok.com/doc/content-sharing-guidelines).
        check.Required("privacyLevel", check.Content.PrivacyLevel,
            "TikTok needs the privacy level the user chose, one of the creator's options (GET /api/v1/social-accounts/{id}/tiktok/creator-info).");
        check.MediaRequired("TikTok has no text-only posts");
        check.NoMixing();
        check.MaxCount(media.Count(m => m.Kind == MediaKind.Video), 1, "videos");
        check.MaxCount(media.Count(m => m.Kind == MediaKind.Image), 35, "photos");
        check.Forbid(MediaKind.Gif, "TikTok takes videos or JPEG/WEBP photos");
        check.Media(MediaKind.Image, ["image/jpeg", "image/webp"], 20 * MB);
        check.Media(MediaKind.Video, ["video/mp4", "video/quicktime", "video/webm"], null, 3, 10 * 60);
    }

    public override HashtagConvention Hashtags { get; } = new(5, "3-5 trending, specific hashtags");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.PublishStatus;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.MultipleMedia | PlatformCapabilities.CreatorInfo | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;

    /// <summary>What the creator may post now is held against the post's privacy level, interactions and video length.</summary>
    public override async Task<IReadOnlyList<ContentViolation>> CheckTargetAsync(TargetLookup lookup, PostContent content, CancellationToken cancellationToken) =>
        TikTokCreatorRule.Check(content, await CreatorInfoAsync(lookup, cancellationToken));

    /// <summary>The creator's posting options (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info), cached per account.</summary>
    public static Task<TikTokCreatorInfo> CreatorInfoAsync(TargetLookup lookup, CancellationToken cancellationToken, Action<SocialPlatform>? check = null) =>
        lookup.CachedAsync<TikTokClient, TikTokCreatorInfo>("tiktok-creator",
            (client, credentials) => client.QueryCreatorInfoAsync(credentials, cancellationToken), cancellationToken, check);
}

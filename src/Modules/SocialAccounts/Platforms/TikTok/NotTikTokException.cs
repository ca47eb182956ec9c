using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>Creator info was asked of an account on another platform.</summary>
internal sealed class NotTikTokException(SocialPlatform platform) : Exception($"Creator info belongs to TikTok accounts; this is a {platform} account.")
{
    public SocialPlatform Platform { get; } = platform;
}

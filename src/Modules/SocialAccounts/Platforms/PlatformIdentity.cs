namespace Platform.SocialAccounts.Platforms;

/// <summary>An account the user can connect, with the tokens that act for it (a Facebook Page has its own).</summary>
internal sealed record PlatformIdentity(
    string ExternalId, string DisplayName, string? Handle, string? AvatarUrl, TokenSet Tokens, IReadOnlyDictionary<string, string> Metadata);

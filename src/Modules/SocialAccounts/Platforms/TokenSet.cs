namespace Platform.SocialAccounts.Platforms;

/// <summary>Tokens as a platform issued them. Lives only in memory; stored encrypted.</summary>
internal sealed record TokenSet(
    string AccessToken,
    string? RefreshToken,
    DateTimeOffset? ExpiresAt,
    string Scopes,
    DateTimeOffset? RefreshExpiresAt = null,
    IReadOnlyDictionary<string, string>? Facts = null);

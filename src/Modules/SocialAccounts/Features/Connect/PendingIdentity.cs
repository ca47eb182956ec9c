using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Features.Connect;

/// <summary>One candidate account with its tokens, as held while the user chooses.</summary>
internal sealed record PendingIdentity(
    string ExternalId, string DisplayName, string? Handle, string? AvatarUrl, string AccessToken, string? RefreshToken,
    DateTimeOffset? ExpiresAt, string Scopes, Dictionary<string, string> Metadata)
{
    public PlatformIdentity ToIdentity() =>
        new(ExternalId, DisplayName, Handle, AvatarUrl, new TokenSet(AccessToken, RefreshToken, ExpiresAt, Scopes), Metadata);
}

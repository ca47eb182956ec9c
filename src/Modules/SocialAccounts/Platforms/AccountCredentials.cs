namespace Platform.SocialAccounts.Platforms;

/// <summary>A stored account with its tokens decrypted, for one call. <paramref name="Scopes"/>: what the platform granted, as it wrote them.</summary>
internal sealed record AccountCredentials(
    Guid AccountId, string ExternalId, string? Handle, string AccessToken, string? RefreshToken, IReadOnlyDictionary<string, string> Metadata,
    string Scopes = "")
{
    /// <summary>Whether the granted scopes (space- or comma-separated, as platforms write them) include <paramref name="scope"/>.</summary>
    public bool HasScope(string scope) =>
        Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(scope, StringComparer.Ordinal);
}

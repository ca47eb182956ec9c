using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Data;

/// <summary>A connected account of a tenant. Tokens are stored only as <see cref="Security.TokenCipher"/> ciphertexts.</summary>
internal sealed class SocialAccount
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public SocialPlatform Platform { get; set; }
    public string ExternalId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Handle { get; set; }
    public string? AvatarUrl { get; set; }
    public AccountStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public string AccessTokenCipher { get; set; } = "";
    public string? RefreshTokenCipher { get; set; }
    public string KeyId { get; set; } = "";
    public DateTimeOffset? TokenExpiresAt { get; set; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; set; }
    public string Scopes { get; set; } = "";
    /// <summary>Platform facts needed later (Instagram page id, YouTube uploads playlist), never secrets.</summary>
    public Dictionary<string, string> Metadata { get; set; } = [];
    public Guid ConnectedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastSyncAt { get; set; }
    public DateTimeOffset? LastRefreshedAt { get; set; }

    public SocialAccountDto ToDto() => new(
        Id, Platform, ExternalId, DisplayName, Handle, AvatarUrl, Status, StatusReason, TokenExpiresAt, LastSyncAt, LastRefreshedAt, CreatedAt);

    public void MarkUnusable(AccountStatus status, string reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        UpdatedAt = now;
    }
}

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
    /// <summary>The refresh under way: its own id and the time until which nobody else starts one.</summary>
    public Guid? RefreshClaimId { get; set; }
    public DateTimeOffset? RefreshClaimedUntil { get; set; }

    public SocialAccountDto ToDto() => new(
        Id, Platform, ExternalId, DisplayName, Handle, AvatarUrl, Status, StatusReason, TokenExpiresAt, LastSyncAt, LastRefreshedAt, CreatedAt);

    /// <summary>
    /// Whether new tokens can be had without the user: with a refresh token that has not expired, or, on platforms whose
    /// long-lived token refreshes itself (Threads' <c>th_refresh_token</c>, Instagram's <c>ig_refresh_token</c>), with an
    /// access token that has an expiry and has not reached it. A Page token (no expiry) has nothing to refresh.
    /// </summary>
    public bool CanRefresh(DateTimeOffset now) =>
        RefreshTokenCipher is not null ? RefreshTokenExpiresAt is null || RefreshTokenExpiresAt > now
        : RefreshesItsOwnToken(Platform) && TokenExpiresAt > now;

    /// <summary>The platform refused the token and it cannot be refreshed: revoked when the platform said so, else expired.</summary>
    /// <returns>True when the account was active until now, so that others must be told it needs reconnecting.</returns>
    public bool MarkRefused(PlatformErrorKind refusal, string reason, DateTimeOffset now) =>
        MarkUnusable(refusal == PlatformErrorKind.TokenRevoked ? AccountStatus.Revoked : AccountStatus.Expired, reason, now);

    /// <returns>True when the account was active until now, so that others must be told it needs reconnecting.</returns>
    public bool MarkUnusable(AccountStatus status, string reason, DateTimeOffset now)
    {
        var wasActive = Status == AccountStatus.Active;
        Status = status;
        StatusReason = reason;
        UpdatedAt = now;
        return wasActive;
    }

    /// <summary>
    /// Takes the right to refresh for <paramref name="lease"/>, unless another refresh holds it. The platform is called
    /// after the claim commits, with no database connection held, so the claim and not a row lock keeps a second refresh
    /// from spending the same refresh token (which a platform that rotates them then refuses).
    /// </summary>
    public bool TryClaimRefresh(Guid claimId, DateTimeOffset now, TimeSpan lease)
    {
        if (IsRefreshClaimed(now))
        {
            return false;
        }
        RefreshClaimId = claimId;
        RefreshClaimedUntil = now + lease;
        return true;
    }

    /// <summary>Whether a refresh started by someone is still within its lease.</summary>
    public bool IsRefreshClaimed(DateTimeOffset now) => RefreshClaimedUntil > now;

    /// <summary>Ends the refresh <paramref name="claimId"/>; a claim taken since by another (after this one's lease ran out) stays.</summary>
    public void ReleaseRefreshClaim(Guid claimId)
    {
        if (RefreshClaimId == claimId)
        {
            RefreshClaimId = null;
            RefreshClaimedUntil = null;
        }
    }

    private static bool RefreshesItsOwnToken(SocialPlatform platform) => Platforms.PlatformCatalog.Default[platform].RefreshesItsOwnToken;
}

using Platform.SharedKernel.Security;

namespace Platform.Users.Data;

internal sealed class User
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public required string EmailNormalized { get; set; }
    public string? DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public TenantRole Role { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsPlatformAdmin { get; set; }
    /// <summary>Bumped to revoke every access token issued before.</summary>
    public int TokenVersion { get; set; }
    public string? MfaSecret { get; set; }
    public bool MfaEnabled { get; set; }
    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long? MfaLastStep { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
    /// <summary>When the user first showed they read <see cref="Email"/> (a verification link, an invitation or a password reset); null until then.</summary>
    public DateTimeOffset? EmailVerifiedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public bool IsEmailVerified => EmailVerifiedAt is not null;

    /// <summary>Records that the address was shown to be the user's; the first time is kept.</summary>
    public void MarkEmailVerified(DateTimeOffset now)
    {
        if (EmailVerifiedAt is null)
        {
            EmailVerifiedAt = now;
            UpdatedAt = now;
        }
    }

    public void RevokeAccessTokens(DateTimeOffset now)
    {
        TokenVersion++;
        UpdatedAt = now;
    }
}

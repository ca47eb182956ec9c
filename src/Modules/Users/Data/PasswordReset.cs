using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>A request to set a new password, stored by the hash of its token; single use and short-lived.</summary>
internal sealed class PasswordReset
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static (PasswordReset Reset, PasswordResetToken Token) Create(
        Guid tenantId, Guid userId, DateTimeOffset now, TimeSpan lifetime, MailTokenSecrets secrets)
    {
        var id = Guid.NewGuid();
        var token = PasswordResetToken.For(tenantId, id, secrets);
        return (new PasswordReset
        {
            Id = id,
            TenantId = tenantId,
            UserId = userId,
            TokenHash = token.SecretHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, token);
    }

    /// <summary>Whether <paramref name="token"/> is this reset's, compared in constant time.</summary>
    public bool IsProvenBy(PasswordResetToken token) => token.Proves(TenantId, Id, TokenHash);

    public bool IsUsableAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Spends the reset; a used or expired one cannot be spent.</summary>
    public void Use(DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            throw new InvalidOperationException("This password reset is used or expired.");
        }
        UsedAt = now;
    }
}

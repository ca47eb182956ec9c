using Platform.SharedKernel.Errors;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>A mailed link that proves the user reads their address, stored by the hash of its token; single use and short-lived.</summary>
internal sealed class EmailVerification
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public required byte[] TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static (EmailVerification Verification, EmailVerificationToken Token) Create(
        Guid tenantId, Guid userId, DateTimeOffset now, TimeSpan lifetime, MailTokenSecrets secrets)
    {
        var id = Guid.NewGuid();
        var token = EmailVerificationToken.For(tenantId, id, secrets);
        return (new EmailVerification
        {
            Id = id,
            TenantId = tenantId,
            UserId = userId,
            TokenHash = token.SecretHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        }, token);
    }

    /// <summary>Whether <paramref name="token"/> is this verification's, compared in constant time.</summary>
    public bool IsProvenBy(EmailVerificationToken token) => token.Proves(TenantId, Id, TokenHash);

    public EmailVerificationState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? EmailVerificationState.Used
        : now >= ExpiresAt ? EmailVerificationState.Expired
        : EmailVerificationState.Pending;

    /// <summary>Spends the link; a used one answers 409 and an expired one 410, each saying what to do.</summary>
    public void Use(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case EmailVerificationState.Used:
                throw ProblemException.Conflict("This verification link has already been used.");
            case EmailVerificationState.Expired:
                throw new ProblemException(410, "Gone", "This verification link has expired; ask for a new one.");
        }
        UsedAt = now;
    }
}

using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>A request to set a new password, stored by the hash of its token; single use and short-lived.</summary>
internal sealed class PasswordReset : MailedLink
{
    public static (PasswordReset Reset, PasswordResetToken Token) Create(
        Guid tenantId, Guid userId, DateTimeOffset now, TimeSpan lifetime, MailTokenSecrets secrets)
    {
        var id = Guid.NewGuid();
        var token = PasswordResetToken.For(tenantId, id, secrets);
        return (Issue<PasswordReset>(id, token, userId, now, lifetime), token);
    }

    public bool IsProvenBy(PasswordResetToken token) => IsProvenByToken(token);

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

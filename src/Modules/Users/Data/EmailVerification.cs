using Platform.SharedKernel.Errors;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>A mailed link that proves the user reads their address; single use and short-lived.</summary>
internal sealed class EmailVerification : MailedLink
{
    public static (EmailVerification Verification, EmailVerificationToken Token) Create(
        Guid tenantId, Guid userId, DateTimeOffset now, TimeSpan lifetime, MailTokenSecrets secrets)
    {
        var id = Guid.NewGuid();
        var token = EmailVerificationToken.For(tenantId, id, secrets);
        return (Issue<EmailVerification>(id, token, userId, now, lifetime), token);
    }

    public bool IsProvenBy(EmailVerificationToken token) => IsProvenByToken(token);

    public EmailVerificationState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? EmailVerificationState.Used
        : IsUsableAt(now) ? EmailVerificationState.Pending
        : EmailVerificationState.Expired;

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

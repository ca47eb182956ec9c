using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>An invitation to join a tenant with a role, stored by the hash of its token's secret; single use, revocable, expiring.</summary>
internal sealed class UserInvitation
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public required string Email { get; init; }
    public required string EmailNormalized { get; init; }
    public TenantRole Role { get; private set; }
    public required byte[] TokenHash { get; init; }
    /// <summary>The admin or owner who created it.</summary>
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedUserId { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }

    /// <returns>The invitation to store and the token to hand out once.</returns>
    public static (UserInvitation Invitation, InvitationToken Token) Create(
        Guid tenantId, string email, TenantRole role, Guid invitedBy, DateTimeOffset now, TimeSpan lifetime, MailTokenSecrets secrets)
    {
        var id = Guid.NewGuid();
        var token = InvitationToken.For(tenantId, id, secrets);
        var invitation = new UserInvitation
        {
            Id = id,
            TenantId = tenantId,
            Email = email.Trim(),
            EmailNormalized = User.Normalize(email),
            Role = role,
            TokenHash = token.SecretHash,
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (invitation, token);
    }

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Whether <paramref name="token"/> is this invitation's, compared in constant time.</summary>
    public bool IsProvenBy(InvitationToken token) => token.Proves(TenantId, Id, TokenHash);

    /// <summary>Uses the invitation up for <paramref name="userId"/>.</summary>
    public void Accept(Guid userId, DateTimeOffset now)
    {
        EnsureAcceptable(now);
        AcceptedAt = now;
        AcceptedUserId = userId;
    }

    /// <summary>Refuses anything but a pending invitation, each with its own answer.</summary>
    public void EnsureAcceptable(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case InvitationState.Accepted:
                throw ProblemException.Conflict("This invitation has already been used.");
            case InvitationState.Revoked:
                throw Gone("This invitation was revoked.");
            case InvitationState.Expired:
                throw Gone("This invitation has expired; ask for a new one.");
        }
    }

    /// <summary>Withdraws the invitation; revoking twice changes nothing, a used one cannot be withdrawn.</summary>
    public void Revoke(Guid revokedBy, DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw ProblemException.Conflict("This invitation has already been used; deactivate the user instead.");
        }
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedBy = revokedBy;
        }
    }

    private static ProblemException Gone(string detail) => new(410, "Gone", detail);
}

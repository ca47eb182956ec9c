using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Features.Invitations;

/// <summary>A created invitation: the token is shown this once and never again (only its hash is kept).</summary>
internal sealed record CreatedInvitation(Guid Id, string Email, TenantRole Role, DateTimeOffset ExpiresAt, string InvitationToken);

/// <summary>A pending invitation as admins see it: no token.</summary>
internal sealed record PendingInvitation(Guid Id, string Email, TenantRole Role, Guid InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static PendingInvitation From(UserInvitation invitation) =>
        new(invitation.Id, invitation.Email, invitation.Role, invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt);
}

using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Features.Invitations;

/// <summary>A pending invitation as admins see it: no token.</summary>
internal sealed record PendingInvitation(Guid Id, string Email, TenantRole Role, Guid InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static PendingInvitation From(UserInvitation invitation) =>
        new(invitation.Id, invitation.Email, invitation.Role, invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt);
}

using Platform.SharedKernel.Security;

namespace Platform.Users.Features.Invitations;

/// <summary>A created invitation: the token is shown this once and never again (only its hash is kept).</summary>
internal sealed record CreatedInvitation(Guid Id, string Email, TenantRole Role, DateTimeOffset ExpiresAt, string InvitationToken);

namespace Platform.Users.Data;

/// <summary>Where an invitation stands; only a pending one can be accepted.</summary>
internal enum InvitationState
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}

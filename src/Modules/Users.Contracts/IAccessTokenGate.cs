namespace Platform.Users.Contracts;

/// <summary>
/// Says whether an access token is still honoured: its user is active and its token version is current.
/// Logout, a password change, a role change and deactivation bump the version, so older tokens stop working
/// before they expire.
/// </summary>
public interface IAccessTokenGate
{
    ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken);

    /// <summary>Whether the user exists in the tenant and is active: an API key works only while the user who created it does.</summary>
    ValueTask<bool> IsActiveAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken);
}

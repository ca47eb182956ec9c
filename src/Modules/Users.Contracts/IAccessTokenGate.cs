namespace Platform.Users.Contracts;

/// <summary>
/// Says whether an access token is still honoured: its user is active and its token version is current.
/// Logout, a password change, a role change and deactivation bump the version, so older tokens stop working
/// before they expire.
/// </summary>
public interface IAccessTokenGate
{
    ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken);
}

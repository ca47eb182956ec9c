namespace Platform.Users.Contracts;

/// <summary>A platform operator who signed in to the operations dashboard.</summary>
public sealed record PlatformAdminIdentity(Guid UserId, string Email);

/// <summary>Checks the credentials of a platform administrator (distinct from tenant owners) for the dashboard's cookie sign-in.</summary>
public interface IPlatformAdminSignIn
{
    /// <returns>The administrator, or null when the credentials are wrong or the user is not a platform administrator.</returns>
    Task<PlatformAdminIdentity?> VerifyAsync(string email, string password, string? totpCode, string clientAddress, CancellationToken cancellationToken);
}

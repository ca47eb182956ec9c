namespace Platform.Users.Contracts;

/// <summary>Marks an existing user as a platform administrator (operators, not tenant owners); used by the host's CLI.</summary>
public interface IPlatformAdminGrants
{
    /// <returns>False when no user has that email.</returns>
    Task<bool> GrantAsync(string email, CancellationToken cancellationToken);
}

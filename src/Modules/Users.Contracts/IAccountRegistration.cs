namespace Platform.Users.Contracts;

/// <summary>Creates a tenant with its owner inside the caller's open unit of work.</summary>
public interface IAccountRegistration
{
    /// <returns>The new owner's user id.</returns>
    Task<Guid> RegisterAsync(string tenantName, string email, string password, CancellationToken cancellationToken);
}

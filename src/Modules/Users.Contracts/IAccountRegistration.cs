namespace Platform.Users.Contracts;

/// <summary>Creates a tenant with its owner inside the caller's open unit of work.</summary>
public interface IAccountRegistration
{
    /// <returns>True when the tenant and its owner were created; false when the email has an account already (nothing written).</returns>
    Task<bool> RegisterAsync(string tenantName, string email, string password, CancellationToken cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Tenants.Contracts;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Passwords;

namespace Platform.Users.Features.Register;

/// <summary>Creates a tenant and its owner in the caller's unit of work: both or neither.</summary>
internal sealed class AccountRegistration(
    DbSession session, UsersDbContext db, CredentialDirectory directory, ITenantProvisioning tenants, PasswordHasher passwords, TimeProvider clock)
    : IAccountRegistration
{
    public async Task<Guid> RegisterAsync(string tenantName, string email, string password, CancellationToken cancellationToken) =>
        (await CreateOwnerAsync(tenantName, email, password, displayName: null, cancellationToken)).Id;

    public async Task<User> CreateOwnerAsync(string tenantName, string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        if (await directory.FindByEmailAsync(normalized, cancellationToken) is not null)
        {
            throw ProblemException.Conflict("An account with this email already exists.");
        }
        var tenantId = Guid.NewGuid();
        await session.UseTenantAsync(tenantId, cancellationToken);
        await tenants.CreateAsync(tenantId, tenantName.Trim(), cancellationToken);
        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Email = email.Trim(),
            EmailNormalized = normalized,
            DisplayName = displayName?.Trim(),
            PasswordHash = passwords.Hash(password),
            Role = TenantRole.Owner,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw ProblemException.Conflict("An account with this email already exists.");
        }
        return user;
    }
}

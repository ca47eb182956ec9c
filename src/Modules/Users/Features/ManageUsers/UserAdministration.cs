using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Passwords;

namespace Platform.Users.Features.ManageUsers;

/// <summary>Adds users to the caller's tenant, from an admin's form or an accepted invitation.</summary>
internal sealed class UserAdministration(UsersDbContext db, CredentialDirectory directory, PasswordHasher passwords, ITenantContext tenant, TimeProvider clock)
{
    public async Task<User> AddAsync(string email, string password, TenantRole role, string? displayName, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        if (await directory.FindByEmailAsync(normalized, cancellationToken) is not null)
        {
            throw ProblemException.Conflict("An account with this email already exists.");
        }
        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.RequiredTenantId,
            Email = email.Trim(),
            EmailNormalized = normalized,
            DisplayName = displayName?.Trim(),
            PasswordHash = passwords.Hash(password),
            Role = role,
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

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.Tenants.Contracts;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Passwords;

namespace Platform.Users.Features.Register;

/// <summary>
/// Creates a tenant and its owner in the caller's unit of work: both or neither. An email that has an account
/// already creates nothing, and costs the same password hashing, so that neither the answer nor its timing tells
/// a stranger who has an account.
/// </summary>
internal sealed partial class AccountRegistration(
    DbSession session,
    UsersDbContext db,
    CredentialDirectory directory,
    ITenantProvisioning tenants,
    PasswordHasher passwords,
    TimeProvider clock,
    ILogger<AccountRegistration> logger)
    : IAccountRegistration
{
    private const string Unregistered = "registration";

    public async Task<bool> RegisterAsync(string tenantName, string email, string password, CancellationToken cancellationToken) =>
        await TryCreateOwnerAsync(tenantName, email, password, displayName: null, cancellationToken) is not null;

    /// <returns>The new owner, or null when the email has an account already (then nothing was written).</returns>
    public async Task<User?> TryCreateOwnerAsync(string tenantName, string email, string password, string? displayName, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        var passwordHash = passwords.Hash(password);
        if (await directory.FindByEmailAsync(normalized, cancellationToken) is { } existing)
        {
            LogExisting(existing.UserId, existing.TenantId);
            return null;
        }
        // A registration of the same email racing this one may win between the look-up and the insert; this unit of
        // work then goes back to here and answers as for any existing email.
        var transaction = session.Transaction ?? throw new InvalidOperationException("Registration needs a unit of work that may write.");
        await transaction.SaveAsync(Unregistered, cancellationToken);
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
            PasswordHash = passwordHash,
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
            await transaction.RollbackAsync(Unregistered, cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Registration of an email that a concurrent registration took first; nothing created");
            return null;
        }
        return user;
    }

    // The email itself stays out of the log; the account it belongs to is enough to follow up.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Registration refused for an email that has an account already (user {UserId} of tenant {TenantId}); nothing created")]
    private partial void LogExisting(Guid userId, Guid tenantId);
}

using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.Users.Data;
using Platform.Users.Mfa;
using Platform.Users.Passwords;

namespace Platform.Users.Credentials;

/// <summary>
/// Checks email, password and second factor inside an open unit of work. Every wrong answer is the same
/// 401, costs the same Argon2 work whether or not the email exists, and counts towards the throttle; a sender
/// the throttle holds back gets <see cref="SignInThrottledException"/> before anything is checked. Each outcome is audited;
/// a failure's entry is committed on its own before the 401 rolls the rest of the request back.
/// </summary>
internal sealed class SignInService(
    DbSession session,
    UsersDbContext db,
    CredentialDirectory directory,
    PasswordHasher passwords,
    TotpVerifier totp,
    RecoveryCodes recoveryCodes,
    LoginThrottle throttle,
    IAuditTrail audit,
    TimeProvider clock)
{
    private const string WrongCredentials = "The email or password is wrong.";

    public async Task<User> AuthenticateAsync(string email, string password, string? code, string address, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(email);
        if (await throttle.WaitAsync(normalized, address, cancellationToken) is var wait && wait > TimeSpan.Zero)
        {
            throw new SignInThrottledException(wait);
        }

        var user = await FindAsync(normalized, cancellationToken);
        if (user is null)
        {
            passwords.VerifyDecoy(password);
            await FailAsync(normalized, address, WrongCredentials, null, cancellationToken);
        }
        if (!passwords.Verify(password, user!.PasswordHash) || !user.IsActive)
        {
            await FailAsync(normalized, address, WrongCredentials, user, cancellationToken);
        }
        if (user.MfaEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new SecondFactorRequiredException();
            }
            if (!totp.TryAccept(user, code.Trim()) && !await recoveryCodes.TryConsumeAsync(user, code, cancellationToken))
            {
                await FailAsync(normalized, address, "The second-factor code is wrong or was already used.", user, cancellationToken);
            }
        }

        await throttle.SucceededAsync(normalized, address, cancellationToken);
        user.LastLoginAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.SignInSucceeded, user.Id) { ActorUserId = user.Id }, cancellationToken);
        return user;
    }

    private async Task<User?> FindAsync(string normalized, CancellationToken cancellationToken)
    {
        if (await directory.FindByEmailAsync(normalized, cancellationToken) is not { } found)
        {
            return null;
        }
        await session.UseTenantAsync(found.TenantId, cancellationToken);
        return await db.Users.SingleOrDefaultAsync(u => u.Id == found.UserId, cancellationToken);
    }

    /// <remarks>
    /// Nothing else was written in this unit of work (the throttle counts in Redis), so committing it keeps the failure's
    /// audit entry alone. An email no account has is filed under no tenant, with what the caller claimed.
    /// </remarks>
    private async Task FailAsync(string normalized, string address, string detail, User? user, CancellationToken cancellationToken)
    {
        await throttle.RecordFailureAsync(normalized, address, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.SignInFailed, user?.Id) { After = new { email = normalized, reason = detail } }, cancellationToken);
        await session.CommitAsync(cancellationToken);
        throw ProblemException.Unauthorized(detail);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Validation;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Passwords;

namespace Platform.Users.Features.PasswordReset;

/// <summary>
/// Sets a new password with a mailed token: anonymous, under the tenant the token names, the reset row locked so two
/// confirmations cannot both spend it. Every session of the user ends, and every other outstanding reset link dies.
/// </summary>
internal static class ConfirmPasswordResetEndpoint
{
    private static ProblemException Invalid() => ProblemException.BadRequest("The reset link is not valid, already used or expired; ask for a new one.");

    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/password-reset/confirm", HandleAsync)
        .WithName("ConfirmPasswordReset")
        .WithSummary("Sets a new password with the token of a reset mail; the token works once, and every session of the user ends.")
        .AllowAnonymous()
        .Validate<ConfirmPasswordResetRequest>();

    private static async Task<NoContent> HandleAsync(
        ConfirmPasswordResetRequest request, DbSession session, UsersDbContext db, PasswordHasher passwords, UserSessions sessions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PasswordResetToken.TryParse(request.Token, out var token))
        {
            throw Invalid();
        }
        await session.UseTenantAsync(token.TenantId, cancellationToken);
        var reset = (await db.PasswordResets
                .FromSql($"SELECT * FROM users.password_resets WHERE id = {token.ResetId} FOR UPDATE")
                .ToListAsync(cancellationToken))
            .SingleOrDefault();
        var now = clock.GetUtcNow();
        if (reset is null || !reset.IsProvenBy(token) || !reset.IsUsableAt(now))
        {
            throw Invalid();
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == reset.UserId && u.IsActive, cancellationToken) ?? throw Invalid();
        user.PasswordHash = passwords.Hash(request.NewPassword);
        reset.Use(now);
        // The reset link came by mail, so following it shows the address is the user's.
        user.MarkEmailVerified(now);
        await db.PasswordResets
            .Where(r => r.UserId == user.Id && r.Id != reset.Id && r.UsedAt == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.UsedAt, now), cancellationToken);
        await sessions.EndAllAsync(user, "password reset", cancellationToken);
        return TypedResults.NoContent();
    }
}

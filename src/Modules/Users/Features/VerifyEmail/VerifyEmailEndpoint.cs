using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Validation;
using Platform.Users.Data;

namespace Platform.Users.Features.VerifyEmail;

/// <summary>
/// Marks the user's address verified with the token of a verification mail: anonymous (the link may be opened anywhere),
/// under the tenant the token names, the verification row locked so that it is spent once. The user's other outstanding
/// verification links die with it.
/// </summary>
internal static class VerifyEmailEndpoint
{
    private static ProblemException Invalid() => ProblemException.BadRequest("The verification link is not valid; ask for a new one.");

    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/verify-email", HandleAsync)
        .WithName("VerifyEmail")
        .WithSummary("Marks the address of a user verified with the token of a verification mail; each token works once, until it expires.")
        .WithDescription("A malformed or forged token answers 400, a used one 409, an expired one 410; none of them changes anything.")
        .AllowAnonymous()
        .Validate<VerifyEmailRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<NoContent> HandleAsync(
        VerifyEmailRequest request, DbSession session, UsersDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!EmailVerificationToken.TryParse(request.Token, out var token))
        {
            throw Invalid();
        }
        await session.UseTenantAsync(token.TenantId, cancellationToken);
        var verification = (await db.EmailVerifications
                .FromSql($"SELECT * FROM users.email_verifications WHERE id = {token.VerificationId} FOR UPDATE")
                .ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (verification is null || !verification.IsProvenBy(token))
        {
            throw Invalid();
        }
        var now = clock.GetUtcNow();
        verification.Use(now);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == verification.UserId && u.IsActive, cancellationToken) ?? throw Invalid();
        user.MarkEmailVerified(now);
        await db.SaveChangesAsync(cancellationToken);
        await db.EmailVerifications
            .Where(v => v.UserId == user.Id && v.UsedAt == null)
            .ExecuteUpdateAsync(v => v.SetProperty(x => x.UsedAt, now), cancellationToken);
        return TypedResults.NoContent();
    }
}

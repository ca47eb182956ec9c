using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Refresh;

internal static class RefreshEndpoint
{
    private const string Invalid = "The refresh token is invalid, expired or revoked.";

    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/refresh", HandleAsync)
        .WithName("Refresh")
        .WithSummary("Trades a refresh token for a new pair; the old one stops working. Reusing a replaced token revokes its whole family.")
        .AllowAnonymous()
        .Validate<RefreshRequest>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> HandleAsync(
        RefreshRequest request, HttpContext context, DbSession session, UsersDbContext db, CredentialDirectory directory,
        SessionIssuer sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = SessionIssuer.HashOf(request.RefreshToken);
        var tenantId = await directory.TenantOfRefreshTokenAsync(hash, cancellationToken);
        // A caller signed in to one tenant cannot spend another tenant's refresh token.
        if (tenantId is null || (context.User.TenantId() is { } callerTenant && callerTenant != tenantId))
        {
            return Unauthorized();
        }
        await session.UseTenantAsync(tenantId.Value, cancellationToken);

        // The row lock makes two concurrent uses of one token take turns: the second sees it rotated.
        var token = await db.RefreshTokens
            .FromSql($"SELECT * FROM users.refresh_tokens WHERE token_hash = {hash} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null)
        {
            return Unauthorized();
        }
        var user = await db.Users.SingleAsync(u => u.Id == token.UserId, cancellationToken);
        if (token.ReplacedBy is not null)
        {
            await RevokeFamilyAsync(db, token.FamilyId, user, now, cancellationToken);
            // Kept although the answer is an error: the revocation is the point.
            await session.CommitAsync(cancellationToken);
            return Unauthorized();
        }
        if (token.RevokedAt is not null || token.ExpiresAt <= now || !user.IsActive)
        {
            return Unauthorized();
        }
        return TypedResults.Ok(await sessions.RotateAsync(user, token, cancellationToken));
    }

    private static async Task RevokeFamilyAsync(UsersDbContext db, Guid familyId, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, "reuse detected"), cancellationToken);
        // A stolen token was used: the access tokens minted from this family may be in the thief's hands too.
        user.RevokeAccessTokens(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: Invalid);
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.ApiKeys.Authentication;
using Platform.ApiKeys.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Features.RevokeApiKey;

internal static class RevokeApiKeyEndpoint
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Stops an API key for good: this host refuses it at once, every other within ApiKeys:ValidationCacheDuration.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    // Row-level security makes another tenant's key simply not found.
    private static async Task<NoContent> RevokeAsync(
        Guid id, HttpContext context, ApiKeysDbContext db, ApiKeyAuthenticator authenticator, TimeProvider clock, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var key = await db.Keys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken) ?? throw ProblemException.NotFound("The API key");
        key.Revoke(context.User.RequiredUserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.ApiKeyRevoked, key.Id) { After = new { key.Name } }, cancellationToken);
        authenticator.Forget(id);
        return TypedResults.NoContent();
    }
}

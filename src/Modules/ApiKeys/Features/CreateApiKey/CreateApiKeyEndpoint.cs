using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.ApiKeys.Data;
using Platform.ApiKeys.Limits;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.ApiKeys.Features.CreateApiKey;

internal static class CreateApiKeyEndpoint
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Creates an API key with scopes and an optional expiry; the answer holds the key, shown this once.")
            .Validate<CreateApiKeyRequest>();

    private static async Task<Created<CreatedApiKey>> CreateAsync(
        CreateApiKeyRequest request, HttpContext context, ITenantContext tenant, ApiKeysDbContext db, IPlanLimitGuard limits,
        TimeProvider clock, IAuditTrail audit, CancellationToken cancellationToken)
    {
        await limits.EnsureAsync(PlanLimit.ApiKeys, 1, ApiKeysUsage.Usage.Query, cancellationToken);
        var (key, secret) = ApiKey.Create(
            tenant.RequiredTenantId, request.Name, request.Scopes, request.ExpiresAt, context.User.RequiredUserId(), clock.GetUtcNow());
        db.Keys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.ApiKeyCreated, key.Id) { After = new { key.Name, Scopes = key.Scopes.Select(s => s.Name()), key.ExpiresAt } }, cancellationToken);
        return TypedResults.Created(
            $"/api/v1/api-keys/{key.Id}", new CreatedApiKey(key.Id, key.Name, key.Scopes, key.CreatedAt, key.ExpiresAt, secret.Encode()));
    }
}

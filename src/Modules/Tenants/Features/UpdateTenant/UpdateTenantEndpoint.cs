using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.Tenants.Data;
using Platform.Tenants.Features.GetTenant;

namespace Platform.Tenants.Features.UpdateTenant;

internal static class UpdateTenantEndpoint
{
    // Validating a webhook URL resolves its host, so the request opens its unit of work only after validation:
    // no pooled connection waits on DNS.
    public static void Map(IEndpointRouteBuilder group) => group
        .MapPatch("/", HandleAsync)
        .WithName("UpdateTenant")
        .WithSummary("Renames the tenant or changes its settings (owners and admins).")
        .RequireAuthorization(Policies.Admin)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithOwnUnitsOfWork()
        .Validate<UpdateTenantRequest>();

    private static Task<Ok<TenantResponse>> HandleAsync(
        UpdateTenantRequest request, ITenantContext tenantContext, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantContext.RequiredTenantId, async services =>
        {
            var db = services.GetRequiredService<TenantsDbContext>();
            var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("The tenant");
            tenant.Name = request.Name ?? tenant.Name;
            tenant.Settings = request.Settings ?? tenant.Settings;
            tenant.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(TenantResponse.From(tenant));
        }, cancellationToken);
}

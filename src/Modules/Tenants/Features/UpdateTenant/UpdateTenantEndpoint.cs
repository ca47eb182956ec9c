using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Tenants.Data;
using Platform.Tenants.Features.GetTenant;

namespace Platform.Tenants.Features.UpdateTenant;

internal static class UpdateTenantEndpoint
{
    public static void Map(IEndpointRouteBuilder group) => group
        .MapPatch("/", HandleAsync)
        .WithName("UpdateTenant")
        .WithSummary("Renames the tenant or changes its settings (owners and admins).")
        .RequireAuthorization(Policies.Admin)
        .Validate<UpdateTenantRequest>();

    private static async Task<Results<Ok<TenantResponse>, NotFound>> HandleAsync(
        UpdateTenantRequest request, TenantsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return TypedResults.NotFound();
        }
        tenant.Name = request.Name ?? tenant.Name;
        tenant.Settings = request.Settings ?? tenant.Settings;
        tenant.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TenantResponse.From(tenant));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Errors;
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
        .ProducesProblem(StatusCodes.Status404NotFound)
        .Validate<UpdateTenantRequest>();

    // No WHERE: row-level security shows the caller's tenant row and no other.
    private static async Task<Ok<TenantResponse>> HandleAsync(
        UpdateTenantRequest request, TenantsDbContext db, TimeProvider clock, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("The tenant");
        var before = new { tenant.Name, tenant.Settings };
        tenant.Name = request.Name ?? tenant.Name;
        tenant.Settings = request.Settings ?? tenant.Settings;
        tenant.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.TenantSettingsChanged, tenant.Id) { Before = before, After = new { tenant.Name, tenant.Settings } }, cancellationToken);
        return TypedResults.Ok(TenantResponse.From(tenant, tenant.UpdatedAt));
    }
}

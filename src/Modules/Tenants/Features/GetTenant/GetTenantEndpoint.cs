using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Tenants.Data;

namespace Platform.Tenants.Features.GetTenant;

internal static class GetTenantEndpoint
{
    public static void Map(IEndpointRouteBuilder group) => group
        .MapGet("/", HandleAsync)
        .WithName("GetTenant")
        .WithSummary("The caller's tenant: its own AI cap and this month's AI usage, settings.")
        .RequireAuthorization(Policies.Viewer)
        .ProducesProblem(StatusCodes.Status404NotFound);

    // No WHERE: row-level security shows the caller's tenant row and no other.
    private static async Task<Ok<TenantResponse>> HandleAsync(TenantsDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(TenantResponse.From(
            await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("The tenant"), clock.GetUtcNow()));
}

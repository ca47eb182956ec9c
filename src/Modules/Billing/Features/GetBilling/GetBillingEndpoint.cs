using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.Billing.Plans;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Features.GetBilling;

/// <summary>The tenant's plan, subscription status and period, its limits and what it uses of them.</summary>
internal static class GetBillingEndpoint
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapGet("", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetBilling")
            .Produces<BillingView>();

    private static async Task<IResult> HandleAsync(
        ITenantContext tenant, BillingDbContext db, PlanCatalog catalog, UsageCounter usage, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken);
        var counted = await usage.CountAsync(cancellationToken);
        var plan = account?.Plan ?? BillingOptions.FreePlan;
        return Results.Ok(new BillingView(
            plan, account?.Status ?? SubscriptionStatus.None, account?.Interval?.ToString().ToLowerInvariant(), account?.CurrentPeriodEnd,
            catalog.Limits(plan), BillingUsage.From(counted)));
    }
}

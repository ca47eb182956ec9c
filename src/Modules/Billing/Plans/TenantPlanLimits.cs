using Microsoft.EntityFrameworkCore;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Plans;

/// <summary>
/// The current tenant's limits: its plan's while the subscription is active or past due (Stripe is still retrying the
/// payment), the free plan's otherwise.
/// </summary>
internal sealed class TenantPlanLimits(ITenantContext tenant, BillingDbContext db, PlanCatalog catalog) : ITenantPlanLimits
{
    public async Task<PlanLimits> GetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var plan = await db.Accounts.AsNoTracking().Where(a => a.TenantId == tenantId).Select(a => a.Plan).SingleOrDefaultAsync(cancellationToken);
        return catalog.Limits(plan ?? BillingOptions.FreePlan);
    }
}

using Microsoft.EntityFrameworkCore;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Plans;

/// <summary>
/// The current tenant's limits: its plan's while the subscription is active or past due (Stripe is still retrying the
/// payment), the free plan's otherwise. The plan's name is cached (the limits come from configuration); a webhook that
/// changes it ends the entry when it commits.
/// </summary>
internal sealed class TenantPlanLimits(ITenantContext tenant, BillingDbContext db, PlanCatalog catalog, TenantCache cache) : ITenantPlanLimits
{
    public static CacheKey KeyOf(Guid tenantId) => new(tenantId, "billing-plan");

    /// <summary>A saved billing account ends its tenant's cached plan.</summary>
    public static CachedEntity Entity => CachedEntity.Of<TenantBilling>(account => KeyOf(account.TenantId));

    public async Task<PlanLimits> GetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var plan = await cache.GetOrReadAsync(KeyOf(tenantId), async token =>
            await db.Accounts.AsNoTracking().Where(a => a.TenantId == tenantId).Select(a => a.Plan).SingleOrDefaultAsync(token) ?? BillingOptions.FreePlan,
            cancellationToken);
        return catalog.Limits(plan);
    }
}

using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Plans;

internal sealed class TenantPlan(TenantsDbContext db) : ITenantPlan
{
    public async Task<PlanTier> GetTierAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tier = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.PlanTier).SingleOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.NotFound("The tenant");
        return Enum.Parse<PlanTier>(tier, ignoreCase: true);
    }
}

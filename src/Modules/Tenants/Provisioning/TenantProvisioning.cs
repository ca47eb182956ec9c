using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Provisioning;

internal sealed class TenantProvisioning(TenantsDbContext db, TimeProvider clock) : ITenantProvisioning
{
    public async Task CreateAsync(Guid tenantId, string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.Tenants.Add(new Tenant { Id = tenantId, Name = name, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }
}

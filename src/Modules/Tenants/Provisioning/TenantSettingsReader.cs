using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Tenancy;
using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Provisioning;

/// <summary>The current tenant's settings, cached: a saved tenant row ends the entry when its unit of work commits.</summary>
internal sealed class TenantSettingsReader(TenantsDbContext db, ITenantContext tenant, TenantCache cache) : ITenantSettingsReader
{
    public static CacheKey KeyOf(Guid tenantId) => new(tenantId, "tenant-settings");

    /// <summary>A saved tenant ends its cached settings (the AI usage counters change by SQL of their own and feed nothing cached).</summary>
    public static CachedEntity Entity => CachedEntity.Of<Tenant>(saved => KeyOf(saved.Id));

    public async Task<TenantSettings> GetAsync(CancellationToken cancellationToken) =>
        await cache.GetOrReadAsync(KeyOf(tenant.RequiredTenantId), async token =>
            (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(token))?.Settings ?? new TenantSettings(), cancellationToken);
}

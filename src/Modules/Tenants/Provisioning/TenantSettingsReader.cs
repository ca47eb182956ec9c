using Microsoft.EntityFrameworkCore;
using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Provisioning;

internal sealed class TenantSettingsReader(TenantsDbContext db) : ITenantSettingsReader
{
    public async Task<TenantSettings> GetAsync(CancellationToken cancellationToken) =>
        (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Settings ?? new TenantSettings();
}

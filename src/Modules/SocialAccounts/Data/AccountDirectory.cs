using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Data;

/// <summary>
/// The current tenant's accounts with their status (their health), cached per tenant: the list endpoint, the single-account
/// endpoint and the lookups other modules make on every request read here. Every saved account row ends the entry when its
/// unit of work commits (connect, reconnect, disconnect, token refresh, a refusal marking it); the last-sync stamp, written
/// by SQL of its own, ends it through <see cref="ChangedOnCommit"/>.
/// </summary>
internal sealed class AccountDirectory(SocialAccountsDbContext db, ITenantContext tenant, TenantCache cache)
{
    public static CacheKey KeyOf(Guid tenantId) => new(tenantId, "social-accounts");

    public static CachedEntity Entity => CachedEntity.Of<SocialAccount>(account => KeyOf(account.TenantId));

    public async Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrReadAsync(KeyOf(tenant.RequiredTenantId), async token =>
            new AccountList((await db.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(token))
                .Select(a => a.ToDto()).ToList()), cancellationToken)).Items;

    public async Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == accountId);

    /// <summary>For a change to the tenant's accounts made without the change tracker.</summary>
    public void ChangedOnCommit() => cache.InvalidateOnCommit(KeyOf(tenant.RequiredTenantId));
}

using Microsoft.EntityFrameworkCore;
using Platform.AI.Data;
using Platform.AI.Features.Templates;
using Platform.SharedKernel.Caching;
using Platform.SharedKernel.Tenancy;

namespace Platform.AI.Features.Shared;

/// <summary>
/// The current tenant's prompt templates, cached per tenant for the template endpoints and every generation that uses one.
/// Creating, replacing or deleting a template saves its row, which ends the entry when the unit of work commits.
/// </summary>
internal sealed class TemplateCatalog(AiDbContext db, ITenantContext tenant, TenantCache cache)
{
    public static CacheKey KeyOf(Guid tenantId) => new(tenantId, "prompt-templates");

    public static CachedEntity Entity => CachedEntity.Of<PromptTemplate>(template => KeyOf(template.TenantId));

    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrReadAsync(KeyOf(tenant.RequiredTenantId), async token =>
            new TemplateList((await db.Templates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(token))
                .Select(TemplateView.From).ToList()), cancellationToken)).Items;

    public async Task<TemplateView?> FindAsync(Guid templateId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == templateId);
}

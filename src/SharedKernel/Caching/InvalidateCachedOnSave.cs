using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.SharedKernel.Data;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// Every save of a row that feeds a cached entry ends that entry once the unit of work commits, whichever code path saved
/// it: a write path cannot forget to invalidate. Writes that bypass the change tracker (ExecuteUpdate, raw SQL) call
/// <see cref="TenantCache.InvalidateOnCommit"/> themselves.
/// </summary>
public sealed class InvalidateCachedOnSave(CacheInvalidation invalidation, IReadOnlyList<CachedEntity> entities) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var changed = new HashSet<string>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            foreach (var entity in entities)
            {
                if (entity.Type.IsInstanceOfType(entry.Entity))
                {
                    changed.Add(entity.KeyOf(entry.Entity).Value);
                }
            }
        }
        if (changed.Count == 0)
        {
            return;
        }
        if (DbSession.Of(context.Database.GetDbConnection()) is { } session)
        {
            PendingInvalidations.Add(session, changed, invalidation);
        }
        else
        {
            // Not on a unit of work: nothing to wait for.
            invalidation.Invalidate(changed);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.Users.Data;

namespace Platform.Users.Tokens;

/// <summary>
/// Makes this host forget the token versions a save is about to change, so a revoked token fails here at once;
/// other hosts hear of it from PostgreSQL at commit.
/// </summary>
internal sealed class ForgetChangedTokenVersions(AccessTokenGate gate) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context);
        return result;
    }

    private void Forget(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var changed = context.ChangeTracker.Entries<User>()
            .Where(e => e.State == EntityState.Modified &&
                (e.Property(u => u.TokenVersion).IsModified || e.Property(u => u.IsActive).IsModified))
            .Select(e => e.Entity.Id);
        foreach (var userId in changed)
        {
            gate.Forget(userId);
        }
    }
}

using System.Runtime.CompilerServices;
using Platform.SharedKernel.Data;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// The cached entries a unit of work changed: ended on every host once it commits (never before, or a reader could cache
/// the old value again before the change is visible), and read past the cache until then, so that a value the unit of work
/// has not committed never enters it.
/// </summary>
internal sealed class PendingInvalidations
{
    private static readonly ConditionalWeakTable<DbSession, PendingInvalidations> BySession = new();

    private readonly HashSet<string> keys = [];

    public static void Add(DbSession session, IEnumerable<string> changed, CacheInvalidation invalidation)
    {
        var pending = BySession.GetValue(session, opened =>
        {
            var created = new PendingInvalidations();
            opened.OnCommitted(() => invalidation.Invalidate(created.Taken()));
            return created;
        });
        lock (pending.keys)
        {
            pending.keys.UnionWith(changed);
        }
    }

    public static bool Changed(DbSession session, string key) =>
        BySession.TryGetValue(session, out var pending) && pending.Contains(key);

    private bool Contains(string key)
    {
        lock (keys)
        {
            return keys.Contains(key);
        }
    }

    private string[] Taken()
    {
        lock (keys)
        {
            return [.. keys];
        }
    }
}

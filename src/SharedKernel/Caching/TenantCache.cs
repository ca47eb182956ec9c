using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// Hot reads of a tenant's data served from this host's memory, then Redis, then the source (<see cref="HybridCache"/>),
/// and ended on every host when a unit of work that changed them commits.
/// </summary>
/// <remarks>
/// Cached values are shared between requests: use immutable types (sealed records marked
/// <see cref="System.ComponentModel.ImmutableObjectAttribute"/>), which the memory level hands out as they are instead of
/// copying them for every reader.
/// </remarks>
public sealed class TenantCache(HybridCache cache, CacheInvalidation invalidation, DbSession session, IOptions<CacheOptions> options)
{
    /// <summary>
    /// The cached value of <paramref name="key"/>, or what <paramref name="read"/> answers (then cached). Reads through
    /// when the cache is off or this unit of work changed the entry itself.
    /// </summary>
    public async ValueTask<T> GetOrReadAsync<T>(CacheKey key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var current = options.Value;
        if (!current.Enabled || PendingInvalidations.Changed(session, key.Value))
        {
            return await read(cancellationToken);
        }
        var entry = new HybridCacheEntryOptions { Expiration = current.DistributedExpiration, LocalCacheExpiration = current.LocalExpiration };
        return await cache.GetOrCreateAsync(key.Value, read, static (read, token) => new ValueTask<T>(read(token)), entry, cancellationToken: cancellationToken);
    }

    /// <summary>Ends <paramref name="key"/> on every host once this unit of work commits, for a change the cache cannot see.</summary>
    public void InvalidateOnCommit(CacheKey key) => PendingInvalidations.Add(session, [key.Value], invalidation);
}

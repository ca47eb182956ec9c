using Microsoft.Extensions.Caching.Memory;

namespace Platform.Analytics.Reports;

/// <summary>
/// Keeps the roll-up part of recent reports for a few minutes. The key holds the tenant, the query and the tenant's roll-up
/// watermark (<c>rollup_state.rolled_up_to</c>), which the roll-up job moves in the same transaction that changes the
/// roll-ups: a new roll-up is a new key, so a report never shows roll-ups older than the ones in the database. Today (and
/// whatever the roll-ups have not reached) is never cached; it is read live on every request.
/// </summary>
internal sealed class RolledUpBucketCache : IDisposable
{
    /// <summary>Rows held at most across all entries (a 90-day overview of nine accounts is about 810).</summary>
    public const int CapacityRows = 2_000_000;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = CapacityRows });

    public async Task<IReadOnlyList<TBucket>> GetOrLoadAsync<TBucket>(RolledUpKey key, Func<Task<IReadOnlyList<TBucket>>> load)
    {
        if (entries.TryGetValue(key, out IReadOnlyList<TBucket>? cached) && cached is not null)
        {
            return cached;
        }
        var loaded = await load();
        entries.Set(key, loaded, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor, Size = Math.Max(1, loaded.Count) });
        return loaded;
    }

    public void Dispose() => entries.Dispose();
}

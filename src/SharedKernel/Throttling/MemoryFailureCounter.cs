using System.Collections.Concurrent;

namespace Platform.SharedKernel.Throttling;

/// <summary>Per-process failure counts, for a single instance without Redis.</summary>
public sealed class MemoryFailureCounter(TimeProvider clock) : IFailureCounter
{
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Until)> counts = new();

    public ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ValueTask.FromResult<TimeSpan?>(
            counts.TryGetValue(key, out var entry) && entry.Until > now && entry.Count >= limit ? entry.Until - now : null);
    }

    public ValueTask RecordFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        counts.AddOrUpdate(key, _ => (1, now + window), (_, entry) => entry.Until > now ? (entry.Count + 1, entry.Until) : (1, now + window));
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        counts.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>The same windows in process, for a single instance without Redis.</summary>
internal sealed class MemoryRateWindowStore : IRateWindowStore
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> calls = new(StringComparer.Ordinal);

    public Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (calls)
        {
            TimeSpan? wait = null;
            foreach (var window in windows)
            {
                var times = calls.GetOrAdd(window.Key, _ => []);
                times.RemoveAll(t => t <= now - window.Window);
                if (times.Count >= window.Limit && times[0] + window.Window - now is var free && (wait is null || free > wait))
                {
                    wait = free;
                }
            }
            if (wait is null)
            {
                foreach (var window in windows)
                {
                    calls[window.Key].Add(now);
                }
            }
            return Task.FromResult(wait);
        }
    }
}

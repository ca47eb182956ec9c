using System.Threading.RateLimiting;

namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>Per-process windows from System.Threading.RateLimiting; right for a single instance or when Redis is down.</summary>
internal sealed class MemoryRateLimitCounter : IRateLimitCounter, IDisposable
{
    private readonly Lock gate = new();
    private PartitionedRateLimiter<string>? limiter;
    private (int Limit, TimeSpan Window) shape;

    public ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        using var lease = For(limit, window).AttemptAcquire(key);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        return ValueTask.FromResult(new RateLimitDecision(lease.IsAcquired, retryAfter));
    }

    private PartitionedRateLimiter<string> For(int limit, TimeSpan window)
    {
        lock (gate)
        {
            if (limiter is null || shape != (limit, window))
            {
                limiter?.Dispose();
                shape = (limit, window);
                limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
            }
            return limiter;
        }
    }

    public void Dispose() => limiter?.Dispose();
}

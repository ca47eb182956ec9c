namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>Counts hits per caller in fixed windows.</summary>
internal interface IRateLimitCounter
{
    ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>
/// One fixed window per caller in Redis, shared by every instance, handed out in leases: a hit that finds no local
/// permit takes a few from Redis at once (an eighth of what the window has left, at most <see cref="MaxLease"/>,
/// so near the limit leases shrink to one) and later hits spend them without a round trip. The window never admits
/// more than its limit; at worst permits parked in an idle instance's lease go unused until the window ends.
/// If Redis fails, the process falls back to its own counter rather than refusing traffic.
/// </summary>
internal sealed class RedisRateLimitCounter(
    IConnectionMultiplexer redis, RedisNamespace keys, MemoryRateLimitCounter fallback, ILogger<RedisRateLimitCounter> logger)
    : IRateLimitCounter
{
    public const int MaxLease = 64;
    private const int SweepEvery = 4096;

    private static readonly LuaScript Script = LuaScript.Prepare("""
        local used = tonumber(redis.call('GET', @key) or '0')
        local ttl = redis.call('PTTL', @key)
        local left = tonumber(@limit) - used
        if left <= 0 then return { 0, ttl } end
        local grant = math.max(1, math.min(tonumber(@maxLease), math.floor(left / 8)))
        redis.call('INCRBY', @key, grant)
        if ttl < 0 then
            redis.call('PEXPIRE', @key, @windowMs)
            ttl = tonumber(@windowMs)
        end
        return { grant, ttl }
        """);

    private readonly ConcurrentDictionary<string, Lease> leases = new(StringComparer.Ordinal);
    private int leasesTaken;

    public async ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (leases.TryGetValue(key, out var lease) && lease.TrySpend(now))
        {
            return new RateLimitDecision(true, TimeSpan.Zero);
        }
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, new
            {
                key = (RedisKey)keys.Key("ratelimit:" + key),
                limit,
                maxLease = MaxLease,
                windowMs = (long)window.TotalMilliseconds,
            }))!;
            var granted = (int)result[0];
            var ttl = Math.Max(0, (long)result[1]);
            if (granted == 0)
            {
                return new RateLimitDecision(false, TimeSpan.FromMilliseconds(ttl));
            }
            if (granted > 1)
            {
                leases[key] = new Lease(granted - 1, now + ttl);
                SweepNow(now);
            }
            return new RateLimitDecision(true, TimeSpan.Zero);
        }
        // Not only RedisException: under load the client also fails with timeouts (TaskCanceledException) and reader
        // errors (InvalidOperationException); none of them may turn a request into a 500.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Redis rate limiting failed; counting in this process");
            return await fallback.HitAsync(key, limit, window, cancellationToken);
        }
    }

    // Leases of callers gone quiet would pile up: drop the expired ones now and then.
    private void SweepNow(long now)
    {
        if (Interlocked.Increment(ref leasesTaken) % SweepEvery != 0)
        {
            return;
        }
        foreach (var (key, lease) in leases)
        {
            if (lease.HasEnded(now))
            {
                leases.TryRemove(new KeyValuePair<string, Lease>(key, lease));
            }
        }
    }

    private sealed class Lease(int permits, long endsAt)
    {
        private int left = permits;

        public bool HasEnded(long now) => now >= endsAt;

        public bool TrySpend(long now)
        {
            if (HasEnded(now))
            {
                return false;
            }
            var current = Volatile.Read(ref left);
            while (current > 0)
            {
                var seen = Interlocked.CompareExchange(ref left, current - 1, current);
                if (seen == current)
                {
                    return true;
                }
                current = seen;
            }
            return false;
        }
    }
}

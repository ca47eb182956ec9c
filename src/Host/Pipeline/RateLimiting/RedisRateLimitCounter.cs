using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>
/// One fixed window per caller in Redis, shared by every instance: an atomic INCR that starts the window's
/// expiry on the first hit. If Redis fails, the process falls back to its own counter rather than refusing traffic.
/// </summary>
internal sealed class RedisRateLimitCounter(
    IConnectionMultiplexer redis, RedisNamespace keys, MemoryRateLimitCounter fallback, ILogger<RedisRateLimitCounter> logger)
    : IRateLimitCounter
{
    private static readonly LuaScript Script = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @windowMs) end
        return { count, redis.call('PTTL', @key) }
        """);

    public async ValueTask<RateLimitDecision> HitAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script,
                new { key = (RedisKey)keys.Key("ratelimit:" + key), windowMs = (long)window.TotalMilliseconds }))!;
            var count = (long)result[0];
            var ttl = Math.Max(0, (long)result[1]);
            return new RateLimitDecision(count <= limit, TimeSpan.FromMilliseconds(ttl));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Redis rate limiting failed; counting in this process");
            return await fallback.HitAsync(key, limit, window, cancellationToken);
        }
    }
}

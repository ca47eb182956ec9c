using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>Sorted sets of call times in Redis, checked and added in one script: atomic across instances.</summary>
internal sealed class RedisRateWindowStore(IConnectionMultiplexer redis, RedisNamespace keys) : IRateWindowStore
{
    private const string Script = """
        local now = tonumber(ARGV[1])
        local wait = 0
        for i, key in ipairs(KEYS) do
            local limit = tonumber(ARGV[2 + (i - 1) * 2])
            local window = tonumber(ARGV[3 + (i - 1) * 2])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) >= limit then
                local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
                local free = tonumber(oldest[2]) + window - now
                if free > wait then wait = free end
            end
        end
        if wait > 0 then return wait end
        for i, key in ipairs(KEYS) do
            local window = tonumber(ARGV[3 + (i - 1) * 2])
            redis.call('ZADD', key, now, ARGV[#ARGV])
            redis.call('PEXPIRE', key, window)
        end
        return 0
        """;

    public async Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new List<RedisValue> { now.ToUnixTimeMilliseconds() };
        foreach (var window in windows)
        {
            args.Add(window.Limit);
            args.Add((long)window.Window.TotalMilliseconds);
        }
        args.Add(Guid.NewGuid().ToString("N"));
        var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script,
            windows.Select(w => (RedisKey)keys.Key(w.Key)).ToArray(), args.ToArray());
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }
}

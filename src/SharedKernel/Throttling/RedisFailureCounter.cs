using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.SharedKernel.Throttling;

/// <summary>Failure counts in Redis, shared by every instance; the window starts at the first failure.</summary>
public sealed class RedisFailureCounter(IConnectionMultiplexer redis, RedisNamespace keys) : IFailureCounter
{
    private static readonly LuaScript Increment = LuaScript.Prepare("""
        local count = redis.call('INCR', @key)
        if count == 1 then redis.call('PEXPIRE', @key, @windowMs) end
        return count
        """);

    public async ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var redisKey = Key(key);
        var count = await database.StringGetAsync(redisKey);
        if (!count.HasValue || (long)count < limit)
        {
            return null;
        }
        return await database.KeyTimeToLiveAsync(redisKey) ?? TimeSpan.FromSeconds(1);
    }

    public async ValueTask RecordFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(Increment, new { key = Key(key), windowMs = (long)window.TotalMilliseconds });

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync(Key(key));

    private RedisKey Key(string key) => keys.Key("failures:" + key);
}

using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// The second level of <see cref="TenantCache"/>: entries in the host's one Redis connection, under the deployment's key
/// prefix. Each entry is a hash of its bytes with its absolute end and sliding window (PEXPIRE carries whichever comes
/// first), so a read can push a sliding entry's end out without passing its absolute one.
/// Redis is an optimisation here, never a dependency: while it is unreachable a read is a miss and a write is skipped, at
/// once, so the caller falls back to the database instead of waiting for Redis's timeouts. Any failure of a command counts
/// as a miss: under load the client fails with timeouts and reader errors as well as <see cref="RedisException"/>.
/// </summary>
public sealed class RedisDistributedCache(IConnectionMultiplexer redis, RedisNamespace keys, TimeProvider clock, ILogger<RedisDistributedCache> logger)
    : IDistributedCache
{
    private const string KeyPrefix = "cache:";
    private const long None = -1;

    private static readonly RedisValue[] Fields = ["d", "a", "s"];

    /// <summary>
    /// How long after an invalidation an entry may not be written back. <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/>
    /// writes to Redis in the background after handing the value out, so a value read before a change could otherwise land
    /// after the change removed the entry, and be served from Redis until it expires.
    /// </summary>
    public static readonly TimeSpan Fence = TimeSpan.FromSeconds(10);

    // One round trip, and never a moment where the bytes live without their expiry; nothing while the key is fenced.
    private const string SetScript = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'd', ARGV[1], 'a', ARGV[2], 's', ARGV[3])
        if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return 1
        """;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var stored = await redis.GetDatabase().HashGetAsync(RedisKey(key), Fields).WaitAsync(token);
            if (stored[0].IsNull)
            {
                return null;
            }
            Slide(key, (long)stored[1], (long)stored[2]);
            return stored[0];
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Cache read from Redis failed; reading from the source instead");
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        if (absolute <= now)
        {
            return;
        }
        var absoluteMs = absolute?.ToUnixTimeMilliseconds() ?? None;
        var slidingMs = options.SlidingExpiration is { } sliding ? (long)sliding.TotalMilliseconds : None;
        var ttl = TimeToLive(now, absoluteMs, slidingMs);
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(SetScript, [RedisKey(key), FenceOf(keys, key)], [value, absoluteMs, slidingMs, ttl]).WaitAsync(token);
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Cache write to Redis failed; the entry stays in this host's memory only");
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            var stored = await redis.GetDatabase().HashGetAsync(RedisKey(key), [Fields[1], Fields[2]]).WaitAsync(token);
            if (!stored[0].IsNull)
            {
                Slide(key, (long)stored[0], (long)stored[1]);
            }
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Cache refresh in Redis failed");
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(RedisKey(key)).WaitAsync(token);
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Cache removal from Redis failed; the entry ends with its expiry");
        }
    }

    /// <summary>The Redis key of a cache entry, under the deployment's prefix.</summary>
    public RedisKey RedisKey(string key) => KeyOf(keys, key);

    /// <inheritdoc cref="RedisKey"/>
    public static RedisKey KeyOf(RedisNamespace keys, string key) => keys.Key(KeyPrefix + key);

    /// <summary>The key whose presence keeps an entry from being written (see <see cref="Fence"/>).</summary>
    public static RedisKey FenceOf(RedisNamespace keys, string key) => keys.Key("cache-fence:" + key);

    // Only a sliding entry moves; nobody waits for it.
    private void Slide(string key, long absoluteMs, long slidingMs)
    {
        if (slidingMs <= 0)
        {
            return;
        }
        var ttl = TimeToLive(clock.GetUtcNow(), absoluteMs, slidingMs);
        if (ttl > 0)
        {
            redis.GetDatabase().KeyExpire(RedisKey(key), TimeSpan.FromMilliseconds(ttl), flags: CommandFlags.FireAndForget);
        }
    }

    private static long TimeToLive(DateTimeOffset now, long absoluteMs, long slidingMs)
    {
        var untilAbsolute = absoluteMs == None ? long.MaxValue : absoluteMs - now.ToUnixTimeMilliseconds();
        var ttl = Math.Min(untilAbsolute, slidingMs == None ? long.MaxValue : slidingMs);
        return ttl == long.MaxValue ? None : Math.Max(ttl, 1);
    }
}

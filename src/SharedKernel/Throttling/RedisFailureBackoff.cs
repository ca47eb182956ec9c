using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.SharedKernel.Throttling;

/// <summary>
/// Failure counts and waits in Redis, shared by every instance. A key's count lives until its rule's
/// <see cref="BackoffRule.ForgetAfter"/> passes without a failure; its wait is a second key that expires when the
/// wait ends, so Redis's clock alone decides both.
/// </summary>
public sealed class RedisFailureBackoff(IConnectionMultiplexer redis, RedisNamespace keys) : IFailureBackoff
{
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local failures = redis.call('INCR', @failures)
        redis.call('PEXPIRE', @failures, @forgetMs)
        return failures
        """);

    // Concurrent failures may compute their waits out of order; the longer one stands.
    private static readonly LuaScript Hold = LuaScript.Prepare("""
        if redis.call('PTTL', @wait) < tonumber(@waitMs) then
            redis.call('SET', @wait, '1', 'PX', @waitMs)
        end
        return redis.call('PTTL', @wait)
        """);

    public async ValueTask<TimeSpan> WaitAsync(string key, CancellationToken cancellationToken)
    {
        var left = await redis.GetDatabase().KeyTimeToLiveAsync(WaitKey(key));
        return left is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public async ValueTask<TimeSpan> RecordFailureAsync(string key, BackoffRule rule, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var failures = (long)await database.ScriptEvaluateAsync(Count, new
        {
            failures = FailuresKey(key),
            forgetMs = (long)rule.ForgetAfter.TotalMilliseconds,
        });
        var delay = rule.DelayAfter(failures);
        if (delay <= TimeSpan.Zero)
        {
            return await WaitAsync(key, cancellationToken);
        }
        var left = (long)await database.ScriptEvaluateAsync(Hold, new
        {
            wait = WaitKey(key),
            waitMs = Math.Max(1, (long)Math.Ceiling(delay.TotalMilliseconds)),
        });
        return TimeSpan.FromMilliseconds(Math.Max(0, left));
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync([FailuresKey(key), WaitKey(key)]);

    // One hash tag per key keeps its two entries in one cluster slot.
    private RedisKey FailuresKey(string key) => keys.Key("backoff:{" + key + "}:failures");

    private RedisKey WaitKey(string key) => keys.Key("backoff:{" + key + "}:wait");
}

using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// Ends cached entries on every host. <see cref="HybridCache.RemoveAsync(string, CancellationToken)"/> clears this host's
/// memory and Redis but not the memory of the other hosts, so the keys also go out on a Redis channel every host subscribes
/// to, and each removes them from its own memory on receipt.
/// </summary>
/// <remarks>
/// The removal from Redis and the message are one script, so Redis runs them together and in that order: a host that hears
/// the message finds the entry already gone from Redis and reads the source, never the old value from Redis. The script
/// also fences the entry for a few seconds against a write of a value read before the change (see
/// <see cref="RedisDistributedCache.Fence"/>).
/// While Redis is unreachable the other hosts miss the message and keep their entry until its local expiry.
/// </remarks>
public sealed class CacheInvalidation(HybridCache cache, IServiceProvider services, RedisNamespace keys, ILogger<CacheInvalidation> logger)
    : IHostedService
{
    private const char Separator = '\n';

    private const string RemoveAndPublishScript = """
        local half = #KEYS / 2
        for i = 1, half do
            redis.call('DEL', KEYS[i])
            redis.call('SET', KEYS[half + i], '1', 'PX', ARGV[3])
        end
        return redis.call('PUBLISH', ARGV[1], ARGV[2])
        """;

    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private readonly CancellationTokenSource stopped = new();
    private IConnectionMultiplexer? subscribed;
    private Task? retrying;

    private string ChannelName => keys.Key("cache:invalidate");

    /// <summary>
    /// Ends the entries here at once and sends them to the other hosts, without waiting on Redis: this runs as a unit of
    /// work commits, while its connection is still held.
    /// </summary>
    public void Invalidate(IReadOnlyCollection<string> cacheKeys)
    {
        foreach (var key in cacheKeys)
        {
            // The memory entry goes before this returns; the removal from Redis is on its way.
            Observe(cache.RemoveAsync(key), "remove a cached entry");
        }
        if (redis is { IsConnected: true })
        {
            RedisKey[] stored = [.. cacheKeys.Select(key => RedisDistributedCache.KeyOf(keys, key)), .. cacheKeys.Select(key => RedisDistributedCache.FenceOf(keys, key))];
            Observe(redis.GetDatabase().ScriptEvaluateAsync(RemoveAndPublishScript, stored,
                    [ChannelName, string.Join(Separator, cacheKeys), (long)RedisDistributedCache.Fence.TotalMilliseconds]),
                "tell the other hosts of a change");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is null || await TrySubscribeAsync(redis))
        {
            return;
        }
        // Redis is down at start-up: the host serves anyway (from the database) and keeps trying in the background.
        retrying = SubscriptionRetry.UntilSubscribedAsync(() => TrySubscribeAsync(redis), stopped.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopped.CancelAsync();
        if (retrying is not null)
        {
            await retrying;
        }
        if (subscribed is not null)
        {
            await subscribed.GetSubscriber().UnsubscribeAsync(RedisChannel.Literal(ChannelName));
        }
    }

    private async Task<bool> TrySubscribeAsync(IConnectionMultiplexer connection)
    {
        try
        {
            // A handler rather than a message queue: the removal is quick, and no hop through a queue delays it.
            await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChannelName), (_, message) => Receive(message!));
            subscribed = connection;
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not subscribe to cache invalidations; retrying");
            return false;
        }
    }

    private void Receive(string published)
    {
        foreach (var key in published.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            Observe(cache.RemoveAsync(key), "remove an entry another host changed");
        }
    }

    private void Observe(ValueTask pending, string what)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            Observe(pending.AsTask(), what);
        }
    }

    private void Observe(Task pending, string what) =>
        pending.ContinueWith(
            failed => logger.LogWarning(failed.Exception, "Could not {What}; cached entries end with their expiry", what),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.Notifications.Live;

/// <summary>
/// This host's side of the live stream: subscribes once to the deployment's Redis channel and hands each event to the open
/// streams of its tenant on this host (and of its user, when it is for one), and reads a tenant's recent events back for a
/// client resuming after <c>Last-Event-ID</c>. Stopping the host ends every open stream.
/// </summary>
internal sealed class LiveEventRelay(IServiceProvider services, LiveRedisKeys keys, IOptions<LiveStreamOptions> options, ILogger<LiveEventRelay> logger)
    : IHostedService
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<LiveSubscription, byte>> byTenant = new();
    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private readonly CancellationTokenSource stopped = new();
    private ChannelMessageQueue? subscription;
    private Task? retrying;
    private int connected;
    private volatile bool stopping;

    /// <summary>Streams open on this host.</summary>
    public int ConnectedClients => Volatile.Read(ref connected);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis is null || await TrySubscribeAsync(redis))
        {
            return;
        }
        // Redis is down at start-up: the host serves anyway (its streams stay quiet) and keeps trying in the background.
        retrying = SubscriptionRetry.UntilSubscribedAsync(() => TrySubscribeAsync(redis), stopped.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        await stopped.CancelAsync();
        if (retrying is not null)
        {
            await retrying;
        }
        foreach (var tenant in byTenant.Values)
        {
            foreach (var open in tenant.Keys)
            {
                open.End();
            }
        }
        if (subscription is not null)
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync(IConnectionMultiplexer connection)
    {
        try
        {
            subscription = await connection.GetSubscriber().SubscribeAsync(keys.Channel);
            // One message at a time, in the order Redis published them.
            subscription.OnMessage(message => Receive(message.Message!));
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not subscribe to live events; retrying");
            return false;
        }
    }

    public LiveSubscription Subscribe(Guid tenantId, Guid userId)
    {
        var opened = new LiveSubscription(tenantId, userId, options.Value.ClientBuffer, Remove);
        byTenant.GetOrAdd(tenantId, _ => new ConcurrentDictionary<LiveSubscription, byte>()).TryAdd(opened, 0);
        Interlocked.Increment(ref connected);
        if (stopping)
        {
            opened.End();
        }
        return opened;
    }

    public void Deliver(LiveEventId id, LiveEvent live)
    {
        if (!byTenant.TryGetValue(live.TenantId, out var tenant) || tenant.IsEmpty)
        {
            return;
        }
        var message = new LiveMessage(id, live.Type, live.Data.GetRawText());
        foreach (var open in tenant.Keys)
        {
            if (live.IsFor(open.TenantId, open.UserId))
            {
                open.Offer(message);
            }
        }
    }

    /// <summary>The tenant's events after <paramref name="after"/> that <paramref name="userId"/> may see, oldest first, as far back as Redis keeps them.</summary>
    public async Task<IReadOnlyList<LiveMessage>> ReplayAsync(Guid tenantId, Guid userId, LiveEventId after, CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            return [];
        }
        var entries = await redis.GetDatabase().StreamRangeAsync(keys.StreamOf(tenantId), minId: "(" + after, maxId: "+")
            .WaitAsync(cancellationToken);
        var replayed = new List<LiveMessage>(entries.Length);
        foreach (var entry in entries)
        {
            var live = LiveEvent.FromJson(entry["e"]!);
            if (live.IsFor(tenantId, userId))
            {
                replayed.Add(new LiveMessage(LiveEventId.Parse(entry.Id!), live.Type, live.Data.GetRawText()));
            }
        }
        return replayed;
    }

    private void Receive(string published)
    {
        try
        {
            var bar = published.IndexOf('|', StringComparison.Ordinal);
            Deliver(LiveEventId.Parse(published[..bar]), LiveEvent.FromJson(published[(bar + 1)..]));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            logger.LogWarning(exception, "Ignored a malformed live event");
        }
    }

    private void Remove(LiveSubscription closed)
    {
        if (byTenant.TryGetValue(closed.TenantId, out var tenant) && tenant.TryRemove(closed, out _))
        {
            Interlocked.Decrement(ref connected);
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Notifications.Live;

/// <summary>
/// Sends live events to every host. Callers hand events over in memory (after their unit of work committed); this service
/// appends each to its tenant's capped Redis stream and publishes it with the id Redis gave it, in one script so the two
/// cannot disagree, with no database connection held. Without Redis, events reach this host's clients only.
/// Live events are a convenience on top of the durable inbox: one lost while Redis is unreachable is logged, not retried.
/// </summary>
internal sealed class LiveEventPublisher(
    IServiceProvider services, LiveRedisKeys keys, LiveEventRelay relay, IOptions<LiveStreamOptions> options, TimeProvider clock,
    ILogger<LiveEventPublisher> logger) : BackgroundService
{
    private const string AppendAndPublish = """
        local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
        redis.call('PUBLISH', KEYS[2], id .. '|' .. ARGV[2])
        return id
        """;

    private readonly Channel<LiveEvent> pending = Channel.CreateBounded<LiveEvent>(
        new BoundedChannelOptions(options.Value.PublishBuffer) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly IConnectionMultiplexer? redis = services.GetService<IConnectionMultiplexer>();
    private ulong localSequence;

    public void Publish(LiveEvent live)
    {
        if (!pending.Writer.TryWrite(live))
        {
            logger.LogWarning("Live event buffer full; a {Type} event of tenant {TenantId} was dropped", live.Type, live.TenantId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LiveEvent>();
        try
        {
            while (await pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 256 && pending.Reader.TryRead(out var live))
                {
                    batch.Add(live);
                }
                await SendAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // The commands of a batch are pipelined on one connection, so each tenant's events keep their order.
    private async Task SendAsync(IReadOnlyList<LiveEvent> batch)
    {
        if (redis is null)
        {
            foreach (var live in batch)
            {
                relay.Deliver(new LiveEventId((ulong)clock.GetUtcNow().ToUnixTimeMilliseconds(), ++localSequence), live);
            }
            return;
        }
        var database = redis.GetDatabase();
        var replayLength = options.Value.ReplayLength;
        var sends = batch.Select(live => database.ScriptEvaluateAsync(
            AppendAndPublish, [keys.StreamOf(live.TenantId), keys.Channel.ToString()], [replayLength, live.ToJson()])).ToList();
        for (var i = 0; i < sends.Count; i++)
        {
            try
            {
                await sends[i];
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogWarning(exception, "A live {Type} event of tenant {TenantId} could not be published", batch[i].Type, batch[i].TenantId);
            }
        }
    }
}

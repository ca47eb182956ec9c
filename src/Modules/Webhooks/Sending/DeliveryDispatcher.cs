using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Sends webhook deliveries as they fall due, in every host: wakes when PostgreSQL notifies that one was queued (LISTEN
/// webhooks_due) or when the next retry is due, claims due deliveries in batches as long as it has free slots (never more
/// than <c>Webhooks:MaxInFlightPerSubscription</c> Sending for one subscription, so a slow receiver holds up only its own
/// deliveries), sends each on its own task with no connection held, and writes the outcomes in batches, one unit of work
/// per tenant.
/// </summary>
internal sealed class DeliveryDispatcher(
    NpgsqlDataSource dataSource, DueDeliveries due, DeliveryLog log, DeliverySender sender, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<DeliveryDispatcher> logger)
    : BackgroundService
{
    public const string Channel = "webhooks_due";
    private const int ClaimBatch = 64;
    private const int RecordBatch = 256;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);
    // A subscription at its limit gets room when one of its attempts is recorded, which wakes the loop; this bounds the
    // wait when that attempt was recorded by another host.
    private static readonly TimeSpan BlockedPoll = TimeSpan.FromMilliseconds(200);

    private readonly WakeSignal wake = new();
    private readonly Channel<CompletedAttempt> completed = System.Threading.Channels.Channel.CreateUnbounded<CompletedAttempt>(
        new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }
        var limit = options.Value.MaxConcurrency;
        var slots = new SemaphoreSlim(limit, limit);
        var listening = PostgresNotifications.ListenAsync(
            dataSource, Channel, onNotification: _ => wake.Set(), onListening: wake.Set, onLost: () => { }, logger, stoppingToken);
        var recording = RecordAsync();
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                var claimed = await due.ClaimAsync(Math.Min(free, ClaimBatch), options.Value.MaxInFlightPerSubscription, stoppingToken);
                slots.Release();
                foreach (var group in claimed.GroupBy(c => c.TenantId))
                {
                    var claims = group.ToList();
                    foreach (var _ in claims)
                    {
                        await slots.WaitAsync(stoppingToken);
                    }
                    var task = SendAsync(group.Key, claims, slots, stoppingToken);
                    lock (running)
                    {
                        running.Add(task);
                    }
                    _ = task.ContinueWith(t => { lock (running) { running.Remove(t); } }, TaskScheduler.Default);
                }
                if (claimed.Count > 0)
                {
                    continue;
                }
                var sleep = await due.UntilNextAsync(stoppingToken) switch
                {
                    null => IdlePoll,
                    { } until when until <= TimeSpan.Zero => BlockedPoll,
                    { } until => until < IdlePoll ? until : IdlePoll,
                };
                await wake.WaitAsync(sleep, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Webhook dispatch round failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
        // Sends under way end at once when stopping (as failures to retry); their outcomes are still written.
        Task[] left;
        lock (running)
        {
            left = [.. running];
        }
        await Task.WhenAll(left);
        completed.Writer.Complete();
        await recording;
        await listening;
    }

    private async Task SendAsync(Guid tenantId, IReadOnlyList<ClaimedDelivery> claims, SemaphoreSlim slots, CancellationToken stopping)
    {
        await Task.Yield();
        IReadOnlyList<OutgoingDelivery> outgoing;
        try
        {
            outgoing = await log.ReadAsync(tenantId, claims, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Left Sending: the stalled-delivery sweep writes these attempts off and they are tried again.
            logger.LogError(exception, "Reading {Count} webhook deliveries of tenant {TenantId} failed", claims.Count, tenantId);
            slots.Release(claims.Count);
            return;
        }
        if (claims.Count > outgoing.Count)
        {
            slots.Release(claims.Count - outgoing.Count);
        }
        await Task.WhenAll(outgoing.Select(async delivery =>
        {
            try
            {
                var outcome = await sender.SendAsync(delivery, stopping);
                completed.Writer.TryWrite(new CompletedAttempt(delivery.Claim, outcome, clock.GetUtcNow()));
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    private async Task RecordAsync()
    {
        var batch = new List<CompletedAttempt>(RecordBatch);
        while (await completed.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < RecordBatch && completed.Reader.TryRead(out var attempt))
            {
                batch.Add(attempt);
            }
            foreach (var group in batch.GroupBy(a => a.Claim.TenantId))
            {
                await RecordWithRetryAsync(group.Key, group.ToList());
            }
            // Their subscriptions have room again, and failed ones wait for a retry the loop must time.
            wake.Set();
        }
    }

    private async Task RecordWithRetryAsync(Guid tenantId, IReadOnlyList<CompletedAttempt> attempts)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await log.RecordAsync(tenantId, attempts, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (round < 3)
            {
                logger.LogWarning(exception, "Recording {Count} webhook attempts of tenant {TenantId} failed; trying again", attempts.Count, tenantId);
                await Task.Delay(TimeSpan.FromSeconds(round), CancellationToken.None);
            }
            catch (Exception exception)
            {
                // Left Sending: the stalled-delivery sweep writes them off, and the deliveries are tried again.
                logger.LogError(exception, "Recording {Count} webhook attempts of tenant {TenantId} failed", attempts.Count, tenantId);
                return;
            }
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;

namespace Platform.Posts.Publishing;

/// <summary>
/// Gets due targets to workers without polling delay: it sleeps until the next due time, wakes at once when
/// PostgreSQL notifies that work was queued (LISTEN posts_due), claims in batches as long as it has free
/// slots, and publishes each claimed target on its own task.
/// </summary>
internal sealed class DueDispatcher(
    NpgsqlDataSource dataSource, DueQueueReader queue, TargetPublisher publisher, PublishingOptions options, ILogger<DueDispatcher> logger)
    : BackgroundService
{
    public const string Channel = "posts_due";

    private readonly WakeSignal wake = new();
    private readonly string worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private long claims;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled)
        {
            return;
        }
        var inFlight = options.InFlight(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
        var slots = new SemaphoreSlim(inFlight, inFlight);
        var listening = ListenAsync(stoppingToken);
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                // Each claim has its own owner: a task held up until its claim ran out must not renew the claim this host took
                // on the same target meanwhile, or two tasks of one host would attempt it at once.
                var owner = $"{worker}#{++claims}";
                var claimed = await queue.ClaimAsync(Math.Min(free, options.ClaimBatchSize), owner, options.Lease, stoppingToken);
                PublishingTelemetry.Claimed(claimed);
                slots.Release();
                // One task per tenant's share of the claim: its starts and outcomes are written in shared units of work.
                foreach (var group in claimed.GroupBy(c => c.TenantId))
                {
                    var targets = group.ToList();
                    foreach (var _ in targets)
                    {
                        await slots.WaitAsync(stoppingToken);
                    }
                    // In-flight publishes finish on shutdown: cancelling one mid-call would leave its outcome unknown.
                    var task = PublishAsync(targets, owner, slots);
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
                var until = await queue.UntilNextAsync(stoppingToken);
                var sleep = until is { } next && next < options.IdlePoll ? next : options.IdlePoll;
                if (sleep > TimeSpan.Zero)
                {
                    await wake.WaitAsync(sleep, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Dispatcher round failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
        Task[] left;
        lock (running)
        {
            left = [.. running];
        }
        await Task.WhenAll(left);
        await listening;
    }

    private async Task PublishAsync(IReadOnlyList<ClaimedTarget> targets, string owner, SemaphoreSlim slots)
    {
        await Task.Yield();
        try
        {
            await publisher.PublishAsync(targets, owner, released: count => { if (count > 0) { slots.Release(count); } }, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The leases run out and another round takes the targets over; their state says what is known.
            logger.LogError(exception, "Publishing {Count} targets of tenant {TenantId} failed", targets.Count, targets[0].TenantId);
        }
    }

    // Work may have been queued while we were not listening: look at the queue whenever listening starts.
    private Task ListenAsync(CancellationToken stoppingToken) => PostgresNotifications.ListenAsync(
        dataSource, Channel, onNotification: _ => wake.Set(), onListening: wake.Set, onLost: () => { }, logger, stoppingToken);
}

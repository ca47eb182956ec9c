using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Data;

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        var listening = ListenAsync(stoppingToken);
        var running = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                var claimed = await queue.ClaimAsync(Math.Min(free, options.ClaimBatchSize), worker, options.Lease, stoppingToken);
                slots.Release();
                foreach (var target in claimed)
                {
                    await slots.WaitAsync(stoppingToken);
                    // In-flight publishes finish on shutdown: cancelling one mid-call would leave its outcome unknown.
                    var task = PublishAsync(target, slots);
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

    private async Task PublishAsync(ClaimedTarget target, SemaphoreSlim slots)
    {
        await Task.Yield();
        try
        {
            await publisher.PublishAsync(target, worker, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The lease runs out and another round takes the target over; its state says what is known.
            logger.LogError(exception, "Publishing target {TargetId} of tenant {TenantId} failed", target.TargetId, target.TenantId);
        }
        finally
        {
            slots.Release();
        }
    }

    // Work may have been queued while we were not listening: look at the queue whenever listening starts.
    private Task ListenAsync(CancellationToken stoppingToken) => PostgresNotifications.ListenAsync(
        dataSource, Channel, onNotification: _ => wake.Set(), onListening: wake.Set, onLost: () => { }, logger, stoppingToken);
}

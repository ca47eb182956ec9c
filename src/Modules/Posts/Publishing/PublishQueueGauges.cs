using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.SharedKernel.Telemetry;

namespace Platform.Posts.Publishing;

/// <summary>
/// Observable gauges of the publish queue, read when metrics are collected: how many targets are queued, how many are
/// due and unclaimed, and how late the oldest of those is. One cheap query over the due index (a global table of ids
/// and times) serves all three, at most once per <see cref="FreshFor"/> however often the metrics are scraped.
/// </summary>
internal sealed class PublishQueueGauges(NpgsqlDataSource dataSource, IMeterFactory meters, ILogger<PublishQueueGauges> logger) : IHostedService
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private Meter? meter;
    private QueueSnapshot snapshot = new(0, 0, 0);
    private long takenAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A meter of this host's container: it ends with the host, so no other host in the process reads this one's queue.
        meter = meters.Create(PlatformTelemetry.Name);
        meter.CreateObservableGauge("platform.publishing.queue.depth", () => Current().Queued, "{target}", "Targets in the publish queue");
        meter.CreateObservableGauge("platform.publishing.queue.due_unclaimed", () => Current().DueUnclaimed, "{target}",
            "Targets due now that no dispatcher holds");
        meter.CreateObservableGauge("platform.publishing.queue.oldest_due_lateness", () => Current().OldestLatenessSeconds, "s",
            "How long the oldest due, unclaimed target has been waiting");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private QueueSnapshot Current()
    {
        lock (gate)
        {
            if (takenAt != 0 && Stopwatch.GetElapsedTime(takenAt) < FreshFor)
            {
                return snapshot;
            }
            try
            {
                snapshot = Read();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // Metrics never fail a scrape: the last reading stands until the database answers again.
                logger.LogWarning(exception, "Reading the publish queue for metrics failed");
            }
            takenAt = Stopwatch.GetTimestamp();
            return snapshot;
        }
    }

    private QueueSnapshot Read()
    {
        var backlog = QueueBacklog.Read(dataSource);
        return new QueueSnapshot(backlog.Queued, backlog.DueUnclaimed, backlog.OldestDueLateness.TotalSeconds);
    }

    private sealed record QueueSnapshot(long Queued, long DueUnclaimed, double OldestLatenessSeconds);
}

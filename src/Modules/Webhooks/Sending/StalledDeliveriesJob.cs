using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Every minute, writes off the attempts whose host stopped while sending them (marked Sending for longer than an
/// attempt may take, plus a margin): each is logged as failed and its delivery retried with backoff like any other
/// failure, so a crash never leaves a delivery stuck. The receiver may have had it: deliveries are at least once, and
/// receivers drop a repeated event id.
/// </summary>
internal sealed class StalledDeliveriesJob(
    IServiceScopeFactory scopes, DueDeliveries due, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<StalledDeliveriesJob> logger)
{
    public const string RecurringJobId = "webhooks:stalled-deliveries";
    public const string Every = "* * * * *";
    public const string InterruptedError = "The host sending this attempt stopped before it recorded the answer; the receiver may have received it.";

    /// <summary>Beyond an attempt's timeout, how long an attempt may stay unrecorded (a busy host writes outcomes in batches).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <returns>How many attempts were written off.</returns>
    [CrossTenantJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - options.Value.Timeout - Margin;
        var total = 0;
        foreach (var tenantId in await due.TenantsWithStalledAsync(before, cancellationToken))
        {
            total += await scopes.RunAsync(tenantId, async services =>
            {
                var db = services.GetRequiredService<WebhooksDbContext>();
                var stalled = (await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sending && d.UpdatedAt < before).ToListAsync(cancellationToken))
                    .Where(d => d.IsStalled(before)).ToList();
                foreach (var delivery in stalled)
                {
                    var outcome = new AttemptOutcome(null, TimeSpan.Zero, null, InterruptedError);
                    db.Attempts.Add(DeliveryLog.AttemptEntry(delivery, delivery.NextAttempt, outcome, now));
                    delivery.Record(outcome, now);
                }
                await db.SaveChangesAsync(cancellationToken);
                return stalled.Count;
            }, cancellationToken);
        }
        if (total > 0)
        {
            logger.LogWarning("Wrote off {Count} webhook delivery attempts whose host stopped while sending them", total);
        }
        return total;
    }
}

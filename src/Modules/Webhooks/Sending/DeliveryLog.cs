using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>
/// The dispatcher's reads and writes of one tenant's deliveries, each in one short unit of work under that tenant's
/// row-level security: what the claimed attempts send, and what came of them.
/// </summary>
internal sealed class DeliveryLog(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>What to send for <paramref name="claimed"/> (one tenant's); a delivery no longer there is left out.</summary>
    public Task<IReadOnlyList<OutgoingDelivery>> ReadAsync(Guid tenantId, IReadOnlyList<ClaimedDelivery> claimed, CancellationToken cancellationToken) =>
        scopes.RunAsync<IReadOnlyList<OutgoingDelivery>>(tenantId, async services =>
        {
            var db = services.GetRequiredService<WebhooksDbContext>();
            var ids = claimed.Select(c => c.DeliveryId).ToList();
            var deliveries = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            var subscriptionIds = deliveries.Values.Select(d => d.SubscriptionId).Distinct().ToList();
            var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var now = clock.GetUtcNow();
            return claimed
                .Where(c => deliveries.ContainsKey(c.DeliveryId))
                .Select(c => (Claim: c, Delivery: deliveries[c.DeliveryId]))
                .Select(x => new OutgoingDelivery(x.Claim, subscriptions[x.Delivery.SubscriptionId].Url, subscriptions[x.Delivery.SubscriptionId].SigningSaltsAt(now),
                    x.Delivery.EventId, x.Delivery.EventType, x.Delivery.Body))
                .ToList();
        }, cancellationToken);

    /// <summary>
    /// Writes the outcomes of <paramref name="completed"/> (one tenant's) and sets each delivery's next attempt. An
    /// attempt the stalled-delivery sweep already wrote off is not written again.
    /// </summary>
    public Task RecordAsync(Guid tenantId, IReadOnlyList<CompletedAttempt> completed, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<WebhooksDbContext>();
            var ids = completed.Select(c => c.Claim.DeliveryId).ToList();
            var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var attempt in completed)
            {
                if (deliveries.GetValueOrDefault(attempt.Claim.DeliveryId) is { } delivery && delivery.IsSending(attempt.Claim.Attempt))
                {
                    delivery.Record(attempt.Outcome, attempt.FinishedAt);
                    db.Attempts.Add(AttemptEntry(delivery, attempt.Claim.Attempt, attempt.Outcome, attempt.FinishedAt));
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The delivery log's line for an attempt that ended at <paramref name="finishedAt"/>.</summary>
    public static DeliveryAttempt AttemptEntry(Delivery delivery, int attempt, AttemptOutcome outcome, DateTimeOffset finishedAt) => new()
    {
        DeliveryId = delivery.Id,
        Attempt = attempt,
        TenantId = delivery.TenantId,
        AttemptedAt = finishedAt - outcome.Latency,
        StatusCode = outcome.StatusCode,
        LatencyMs = (int)Math.Min(int.MaxValue, outcome.Latency.TotalMilliseconds),
        ResponseExcerpt = outcome.ResponseExcerpt,
        Error = outcome.Error,
    };
}

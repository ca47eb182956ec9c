using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.Webhooks.Contracts;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Records deliveries in the current unit of work; their commit wakes every host's <see cref="DeliveryDispatcher"/>, so
/// no request or outbox round waits on a receiver.
/// </summary>
internal sealed class DeliveryQueue(WebhooksDbContext db, DbSession session, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string PingType = "ping";

    // The outbox hands a tenant's events over together in one unit of work: its subscriptions are read once for all.
    private List<Subscription>? active;

    /// <summary>One delivery per active subscription that chose <paramref name="type"/>; an event handed over again adds none.</summary>
    public async Task QueueEventAsync(IntegrationEvent integrationEvent, WebhookEventType type, CancellationToken cancellationToken)
    {
        active ??= await db.Subscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        var subscriptions = active.Where(s => s.Wants(type)).ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }
        var name = WebhookEventTypes.NameOf(type);
        var body = WebhookEnvelope.Serialize(integrationEvent.EventId, name, integrationEvent.OccurredAt, integrationEvent.TenantId, integrationEvent);
        var deliveries = subscriptions
            .Select(s => Delivery.Create(s.TenantId, s.Id, integrationEvent.EventId, name, body, options.Value.MaxAttempts, clock.GetUtcNow())).ToList();
        var first = deliveries[0];
        // One statement for every subscription; the (subscription, event) key skips those this event already reached.
        await using var insert = await session.CreateCommandAsync("""
            INSERT INTO webhooks.deliveries (id, tenant_id, subscription_id, event_id, event_type, body, status, attempts_made, attempt_limit, next_attempt_at, created_at, updated_at)
            SELECT d.id, $3, d.subscription_id, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM unnest($1::uuid[], $2::uuid[]) AS d(id, subscription_id)
            ON CONFLICT (subscription_id, event_id) DO NOTHING
            """, cancellationToken);
        foreach (var value in new object[]
        {
            deliveries.Select(d => d.Id).ToArray(), deliveries.Select(d => d.SubscriptionId).ToArray(), first.TenantId, first.EventId, first.EventType,
            first.Body, first.Status.ToString(), first.AttemptsMade, first.AttemptLimit, first.NextAttemptAt!.Value, first.CreatedAt, first.UpdatedAt,
        })
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A <c>ping</c> to <paramref name="subscription"/>, whatever events it chose.</summary>
    public async Task<Delivery> QueuePingAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var eventId = Guid.NewGuid();
        var body = WebhookEnvelope.Serialize(eventId, PingType, now, subscription.TenantId, new { subscriptionId = subscription.Id });
        var delivery = Delivery.Create(subscription.TenantId, subscription.Id, eventId, PingType, body, options.Value.MaxAttempts, now);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        return delivery;
    }
}

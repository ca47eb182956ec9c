using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Events;
using Platform.Webhooks.Contracts;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Records deliveries in the current unit of work; their commit wakes every host's <see cref="DeliveryDispatcher"/>, so
/// no request or outbox round waits on a receiver.
/// </summary>
internal sealed class DeliveryQueue(WebhooksDbContext db, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string PingType = "ping";

    /// <summary>One delivery per active subscription that chose <paramref name="type"/>; an event handed over again adds none.</summary>
    public async Task QueueEventAsync(IntegrationEvent integrationEvent, WebhookEventType type, CancellationToken cancellationToken)
    {
        var subscriptions = (await db.Subscriptions.Where(s => s.Active).ToListAsync(cancellationToken)).Where(s => s.Wants(type)).ToList();
        if (subscriptions.Count == 0)
        {
            return;
        }
        var served = await db.Deliveries.Where(d => d.EventId == integrationEvent.EventId).Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
        var name = WebhookEventTypes.NameOf(type);
        var body = WebhookEnvelope.Serialize(integrationEvent.EventId, name, integrationEvent.OccurredAt, integrationEvent.TenantId, integrationEvent);
        var deliveries = subscriptions.Where(s => !served.Contains(s.Id))
            .Select(s => Delivery.Create(s.TenantId, s.Id, integrationEvent.EventId, name, body, options.Value.MaxAttempts, clock.GetUtcNow()))
            .ToList();
        db.Deliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
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

using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Events;
using Platform.Webhooks.Contracts;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Records deliveries in the current unit of work and queues one Hangfire job each, so no request or outbox round waits
/// on a receiver and one slow receiver holds back no other subscription's delivery.
/// </summary>
internal sealed class DeliveryQueue(WebhooksDbContext db, IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider clock)
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
        deliveries.ForEach(Enqueue);
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
        Enqueue(delivery);
        return delivery;
    }

    /// <summary>Queues the job for the delivery's next attempt, now.</summary>
    public void Enqueue(Delivery delivery)
    {
        var (tenantId, deliveryId, attempt) = (delivery.TenantId, delivery.Id, delivery.NextAttempt);
        jobs.Enqueue<WebhookDeliveryJob>(job => job.DeliverAsync(tenantId, deliveryId, attempt, CancellationToken.None));
    }
}

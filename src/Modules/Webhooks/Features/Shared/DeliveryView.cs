using Platform.Webhooks.Data;

namespace Platform.Webhooks.Features.Shared;

/// <param name="RequestBody">The envelope as sent, the same for every attempt.</param>
/// <param name="NextRetryAt">When the next attempt is made, while one is due.</param>
/// <param name="AttemptLog">Every attempt, the first one first.</param>
internal sealed record DeliveryView(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, string RequestBody, DeliveryStatus Status, int Attempts,
    DateTimeOffset? NextRetryAt, DateTimeOffset CreatedAt, IReadOnlyList<AttemptView> AttemptLog)
{
    public static DeliveryView From(Delivery delivery, IEnumerable<DeliveryAttempt> attempts) => new(
        delivery.Id, delivery.SubscriptionId, delivery.EventId, delivery.EventType, delivery.Body, delivery.Status, delivery.AttemptsMade,
        delivery.Status == DeliveryStatus.Pending ? delivery.NextAttemptAt : null, delivery.CreatedAt,
        [.. attempts.OrderBy(a => a.Attempt).Select(AttemptView.From)]);
}

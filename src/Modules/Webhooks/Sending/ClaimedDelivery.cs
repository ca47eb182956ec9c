namespace Platform.Webhooks.Sending;

/// <summary>A delivery a dispatcher marked Sending for attempt <paramref name="Attempt"/>: ids only, read across tenants.</summary>
internal sealed record ClaimedDelivery(Guid TenantId, Guid DeliveryId, int Attempt);

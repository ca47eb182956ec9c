namespace Platform.Billing.Data;

/// <summary>A Stripe event applied to its tenant; its id is unique, so a redelivery finds it and changes nothing.</summary>
internal sealed record ProcessedEvent(string EventId, Guid TenantId, string EventType, DateTimeOffset ProcessedAt);

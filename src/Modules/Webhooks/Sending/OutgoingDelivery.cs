namespace Platform.Webhooks.Sending;

/// <summary>What one attempt sends, read in its tenant's unit of work so that sending needs no connection.</summary>
internal sealed record OutgoingDelivery(
    ClaimedDelivery Claim, string Url, IReadOnlyList<string> SigningSalts, Guid EventId, string EventType, string Body);

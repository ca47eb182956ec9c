namespace Platform.PaymentServers.Stripe;

/// <summary>What a simulated billing change produced: the subscription, the invoice if one was made, the events sent or held.</summary>
public sealed record BillingChange(string SubscriptionId, string? InvoiceId, IReadOnlyList<string> EventIds);

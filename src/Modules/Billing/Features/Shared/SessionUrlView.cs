namespace Platform.Billing.Features.Shared;

/// <summary>Where to send the customer's browser: a Stripe-hosted Checkout or customer portal page.</summary>
internal sealed record SessionUrlView(string Url);

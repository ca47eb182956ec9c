using Platform.SharedKernel.Events;

namespace Platform.Billing.Contracts;

/// <summary>A payment for the tenant's subscription failed; Stripe retries it, and the tenant should update its card.</summary>
[IntegrationEventName("billing.payment_failed")]
public sealed record PaymentFailed : IntegrationEvent
{
    public required string InvoiceId { get; init; }
}

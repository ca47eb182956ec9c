using Stripe;
using Stripe.Checkout;

namespace Platform.Billing.Webhooks;

/// <summary>
/// What a billing event is about: the customer (which names the tenant) and the subscription whose state to read; null
/// for the event types billing does not act on.
/// </summary>
internal sealed record BillingEventSubject(string CustomerId, string? SubscriptionId, string? InvoiceId)
{
    public static BillingEventSubject? Of(Event stripeEvent) => (stripeEvent.Type, stripeEvent.Data?.Object) switch
    {
        (EventTypes.CheckoutSessionCompleted, Session session) when session.CustomerId is not null =>
            new(session.CustomerId, session.SubscriptionId, null),
        (EventTypes.CustomerSubscriptionCreated or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted, Subscription subscription)
            when subscription.CustomerId is not null =>
            new(subscription.CustomerId, subscription.Id, null),
        (EventTypes.InvoicePaid or EventTypes.InvoicePaymentFailed, Invoice invoice) when invoice.CustomerId is not null =>
            new(invoice.CustomerId, invoice.Parent?.SubscriptionDetails?.SubscriptionId, invoice.Id),
        _ => null,
    };
}

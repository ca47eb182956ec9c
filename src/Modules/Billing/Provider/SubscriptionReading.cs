using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.Billing.Plans;
using Stripe;

namespace Platform.Billing.Provider;

/// <summary>Turns a Stripe subscription (https://docs.stripe.com/api/subscriptions/object) into our plan and status.</summary>
internal static class SubscriptionReading
{
    /// <summary>
    /// The snapshot, or null while the subscription is not live yet (<c>incomplete</c>: its first payment is pending).
    /// A price no plan sells is a configuration error: it throws, so the event stays unapplied and Stripe redelivers it.
    /// </summary>
    public static SubscriptionSnapshot? Snapshot(Subscription subscription, PlanCatalog catalog, DateTimeOffset observedAt)
    {
        var status = subscription.Status switch
        {
            "active" or "trialing" => SubscriptionStatus.Active,
            "past_due" or "unpaid" => SubscriptionStatus.PastDue,
            "canceled" or "incomplete_expired" => SubscriptionStatus.Canceled,
            _ => (SubscriptionStatus?)null,
        };
        if (status is null)
        {
            return null;
        }
        var item = subscription.Items?.Data?.FirstOrDefault()
            ?? throw new InvalidOperationException($"Subscription {subscription.Id} has no items.");
        var price = catalog.FindByPrice(item.Price.Id)
            ?? throw new InvalidOperationException($"Subscription {subscription.Id} is on price {item.Price.Id}, which no plan in Billing:Plans sells.");
        DateTimeOffset? periodEnd = item.CurrentPeriodEnd == default ? null : new DateTimeOffset(DateTime.SpecifyKind(item.CurrentPeriodEnd, DateTimeKind.Utc));
        return new SubscriptionSnapshot(subscription.Id, price.Plan, price.Interval, status.Value, periodEnd, observedAt);
    }
}

using Platform.Billing.Contracts;
using Platform.Billing.Plans;

namespace Platform.Billing.Data;

/// <summary>A subscription as read from Stripe at <see cref="ObservedAt"/>, in our terms.</summary>
internal sealed record SubscriptionSnapshot(
    string SubscriptionId, string Plan, BillingInterval Interval, SubscriptionStatus Status, DateTimeOffset? CurrentPeriodEnd, DateTimeOffset ObservedAt);

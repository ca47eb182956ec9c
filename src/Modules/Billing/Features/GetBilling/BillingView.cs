using Platform.Billing.Contracts;

namespace Platform.Billing.Features.GetBilling;

/// <param name="Interval"><c>month</c> or <c>year</c> for a paid plan, else null.</param>
internal sealed record BillingView(
    string Plan, SubscriptionStatus Status, string? Interval, DateTimeOffset? CurrentPeriodEnd, PlanLimits Limits, BillingUsage Usage);

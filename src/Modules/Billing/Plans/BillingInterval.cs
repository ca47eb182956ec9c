namespace Platform.Billing.Plans;

/// <summary>How often a paid plan is charged (Stripe's recurring price intervals).</summary>
internal enum BillingInterval
{
    Month,
    Year,
}

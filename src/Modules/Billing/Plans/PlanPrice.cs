namespace Platform.Billing.Plans;

/// <summary>A plan as one of its Stripe prices sells it.</summary>
internal sealed record PlanPrice(string Plan, BillingInterval Interval);

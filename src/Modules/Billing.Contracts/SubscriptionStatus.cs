namespace Platform.Billing.Contracts;

/// <summary>Where a tenant's subscription stands; <see cref="None"/> for a tenant that never subscribed.</summary>
public enum SubscriptionStatus
{
    None,
    Active,
    PastDue,
    Canceled,
}

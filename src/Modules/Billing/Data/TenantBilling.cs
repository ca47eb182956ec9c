using Platform.Billing.Contracts;
using Platform.Billing.Plans;

namespace Platform.Billing.Data;

/// <summary>
/// A tenant's billing state: its Stripe customer, and the plan and status of its subscription as last read from Stripe.
/// A tenant without a row is on the free plan and has never subscribed.
/// </summary>
internal sealed class TenantBilling
{
    private TenantBilling()
    {
    }

    public Guid TenantId { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string Plan { get; private set; } = BillingOptions.FreePlan;
    public SubscriptionStatus Status { get; private set; }
    public BillingInterval? Interval { get; private set; }
    public string? SubscriptionId { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }

    /// <summary>When the applied subscription state was read from Stripe: a reading taken earlier never overwrites it.</summary>
    public DateTimeOffset? ObservedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantBilling NotSubscribed(Guid tenantId, DateTimeOffset now) =>
        new() { TenantId = tenantId, Status = SubscriptionStatus.None, UpdatedAt = now };

    /// <summary>Whether a checkout for <paramref name="plan"/> would buy what the tenant already has.</summary>
    public bool AlreadyHas(string plan) =>
        Plan == plan && Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue;

    /// <summary>
    /// Takes the subscription's state as Stripe reported it. Deliveries come in any order and more than once, so the state
    /// read last from Stripe wins, not the event that arrived last; and the end of a subscription the tenant has since
    /// replaced does not end the current one. Answers whether the plan or the status changed.
    /// </summary>
    public bool Apply(SubscriptionSnapshot snapshot)
    {
        if (ObservedAt is { } seen && snapshot.ObservedAt <= seen)
        {
            return false;
        }
        var replacedEnds = SubscriptionId is not null && SubscriptionId != snapshot.SubscriptionId
            && snapshot.Status == SubscriptionStatus.Canceled && Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue;
        if (replacedEnds)
        {
            return false;
        }
        var before = (Plan, Status);
        SubscriptionId = snapshot.SubscriptionId;
        Status = snapshot.Status;
        Plan = snapshot.Status == SubscriptionStatus.Canceled ? BillingOptions.FreePlan : snapshot.Plan;
        Interval = snapshot.Status == SubscriptionStatus.Canceled ? null : snapshot.Interval;
        CurrentPeriodEnd = snapshot.CurrentPeriodEnd;
        ObservedAt = snapshot.ObservedAt;
        UpdatedAt = snapshot.ObservedAt;
        return before != (Plan, Status);
    }
}

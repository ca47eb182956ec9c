using Platform.SharedKernel.Events;

namespace Platform.Billing.Contracts;

/// <summary>The tenant's plan or subscription status changed (a checkout completed, a renewal failed, a cancellation).</summary>
[IntegrationEventName("billing.tenant_plan_changed")]
public sealed record TenantPlanChanged : IntegrationEvent
{
    public required string Plan { get; init; }
    public required SubscriptionStatus Status { get; init; }
}

using Platform.SharedKernel.Events;

namespace Platform.AI.Contracts;

/// <summary>
/// A reservation took the tenant's AI usage this month past <see cref="ThresholdPercent"/> of its limit. Its id is derived
/// from the tenant and the month, so however often the usage crosses the line again that month, it is one event.
/// </summary>
[IntegrationEventName("ai.budget_nearly_spent")]
public sealed record AiBudgetNearlySpent : IntegrationEvent
{
    /// <summary>The calendar month (UTC) as <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }
    public required int ThresholdPercent { get; init; }
    public required decimal LimitUsd { get; init; }
    public required decimal UsageUsd { get; init; }
}

using Platform.Billing.Contracts;

namespace Platform.Billing.Features.GetBilling;

/// <summary>What the tenant uses of each limit, as counted by the module owning it; null where no module counts it yet.</summary>
internal sealed record BillingUsage(int ConnectedAccounts, int? Seats, int? PostsThisMonth, decimal? AiSpentUsdThisMonth, long? MediaStorageBytes, int? ApiKeys)
{
    public static BillingUsage From(IReadOnlyDictionary<PlanLimit, decimal> counted)
    {
        decimal? Of(PlanLimit limit) => counted.TryGetValue(limit, out var value) ? value : null;
        return new BillingUsage(
            (int)(Of(PlanLimit.ConnectedAccounts) ?? 0), (int?)Of(PlanLimit.Seats), (int?)Of(PlanLimit.PostsPerMonth),
            Of(PlanLimit.AiBudgetUsdPerMonth), (long?)Of(PlanLimit.MediaStorageBytes), (int?)Of(PlanLimit.ApiKeys));
    }
}

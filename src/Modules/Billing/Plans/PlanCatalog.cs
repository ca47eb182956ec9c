using Microsoft.Extensions.Options;
using Platform.Billing.Contracts;

namespace Platform.Billing.Plans;

/// <summary>The configured plans: their limits, and which plan and interval each Stripe price sells.</summary>
internal sealed class PlanCatalog(IOptions<BillingOptions> options)
{
    private readonly Dictionary<string, PlanOptions> plans = options.Value.Plans;

    public IEnumerable<(string Name, PlanOptions Plan)> All =>
        plans.OrderBy(p => p.Value.IsPaid).ThenBy(p => p.Value.ConnectedAccounts).Select(p => (p.Key, p.Value));

    public PlanOptions? Find(string name) => plans.GetValueOrDefault(name);

    public PlanLimits Limits(string name)
    {
        var plan = Find(name) ?? plans[BillingOptions.FreePlan];
        return new PlanLimits(Find(name) is null ? BillingOptions.FreePlan : name, plan.ConnectedAccounts, plan.Seats, plan.PostsPerMonth,
            plan.AiBudgetUsdPerMonth, plan.MediaStorageBytes, plan.ApiKeys);
    }

    public static string PriceId(PlanOptions plan, BillingInterval interval) =>
        interval == BillingInterval.Year ? plan.YearlyPriceId : plan.MonthlyPriceId;

    public PlanPrice? FindByPrice(string priceId)
    {
        foreach (var (name, plan) in plans)
        {
            if (plan.MonthlyPriceId == priceId)
            {
                return new PlanPrice(name, BillingInterval.Month);
            }
            if (plan.YearlyPriceId == priceId)
            {
                return new PlanPrice(name, BillingInterval.Year);
            }
        }
        return null;
    }
}

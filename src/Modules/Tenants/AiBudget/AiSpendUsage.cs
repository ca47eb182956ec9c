using Platform.Billing.Contracts;

namespace Platform.Tenants.AiBudget;

/// <summary>AI spent and reserved this month (row-level security shows the tenant its own row only).</summary>
internal static class AiSpendUsage
{
    public static readonly CountedUsage Usage = new(
        PlanLimit.AiBudgetUsdPerMonth, new UsageQuery($"SELECT coalesce((SELECT {AiMonth.UsageSql} FROM tenants.tenants), 0)"));
}

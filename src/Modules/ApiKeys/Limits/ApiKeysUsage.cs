using Platform.Billing.Contracts;

namespace Platform.ApiKeys.Limits;

/// <summary>Keys that still work count: a revoked or expired key frees its slot.</summary>
internal static class ApiKeysUsage
{
    public static readonly CountedUsage Usage = new(PlanLimit.ApiKeys, new UsageQuery(
        "SELECT count(*) FROM api_keys.keys WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())"));
}

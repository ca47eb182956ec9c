using Platform.Billing.Contracts;

namespace Platform.Media.Quotas;

/// <summary>The bytes of the tenant's library as its usage row counts them (uploads under way included).</summary>
internal static class MediaStorageUsage
{
    public static readonly CountedUsage Usage = new(
        PlanLimit.MediaStorageBytes, new UsageQuery("SELECT coalesce((SELECT used_bytes FROM media.usage), 0)"));
}

namespace Platform.Tenants.Contracts;

/// <summary>The tenant's plan tier, for modules whose limits depend on it. Runs on the caller's open unit of work.</summary>
public interface ITenantPlan
{
    Task<PlanTier> GetTierAsync(Guid tenantId, CancellationToken cancellationToken);
}

/// <summary>The plan tiers a tenant can be on (<c>tenants.plan_tier</c>).</summary>
public enum PlanTier
{
    Free,
    Starter,
    Pro,
    Enterprise,
}

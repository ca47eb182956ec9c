namespace Platform.Billing.Contracts;

/// <summary>
/// The limits of the current tenant's plan (the free plan while it has no live subscription), for modules that enforce
/// them. Runs on the caller's open unit of work.
/// </summary>
public interface ITenantPlanLimits
{
    Task<PlanLimits> GetAsync(CancellationToken cancellationToken);
}

namespace Platform.Billing.Contracts;

/// <summary>
/// How the module owning a limited resource counts the current tenant's use of it. Each module registers one per limit
/// it owns; billing reports them all and guards with the same queries.
/// </summary>
public interface IPlanUsage
{
    PlanLimit Limit { get; }

    /// <summary>The query counting the use of the limit now (for a monthly limit, in the current month).</summary>
    Task<UsageQuery> CurrentAsync(CancellationToken cancellationToken);
}

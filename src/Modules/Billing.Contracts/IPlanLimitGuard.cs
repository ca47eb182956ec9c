namespace Platform.Billing.Contracts;

/// <summary>
/// Refuses new use of a limit the tenant's plan does not leave room for. Runs inside the caller's open unit of work, which
/// must then write what it checked: the check holds a transaction-scoped lock on the tenant's limit, so two requests can
/// never both take the last free slot.
/// </summary>
public interface IPlanLimitGuard
{
    /// <summary>
    /// Waits for the tenant's other checks of <paramref name="limit"/> to commit, then counts with
    /// <paramref name="usage"/> (both in one round trip); throws a 402 problem when <paramref name="adding"/> more would
    /// pass the plan's limit. Usage already over the limit (after a downgrade) is left alone: only adding is refused.
    /// </summary>
    Task EnsureAsync(PlanLimit limit, decimal adding, UsageQuery usage, CancellationToken cancellationToken);
}

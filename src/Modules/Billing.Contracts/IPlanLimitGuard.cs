namespace Platform.Billing.Contracts;

/// <summary>
/// Refuses new use of a limit the tenant's plan does not leave room for. Called inside the caller's open unit of work, which
/// then writes what it checked: the check itself runs as that unit of work's last round trip before COMMIT, under a
/// transaction-scoped lock on the tenant's limit, so two units of work can never both take the last free slot and the
/// lock is held only from the count to the commit.
/// </summary>
public interface IPlanLimitGuard
{
    /// <summary>
    /// Registers the check of <paramref name="adding"/> more of <paramref name="limit"/>; at commit, waits for the tenant's
    /// other checks of it to commit, then counts with <paramref name="usage"/> (which must count what this unit of work
    /// added, as a committed row would be counted) and fails the commit with a 402 problem when the plan has no room.
    /// Usage already over the limit (after a downgrade) is left alone: only adding is refused.
    /// </summary>
    Task EnsureAsync(PlanLimit limit, decimal adding, UsageQuery usage, CancellationToken cancellationToken);
}

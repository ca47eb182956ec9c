namespace Platform.Tenants.Contracts;

/// <summary>
/// The tenant's AI spending allowance (<c>ai_budget_limit</c>) and what is spent or reserved (<c>ai_usage_current</c>).
/// Every method runs on the caller's open unit of work (DbSession) for <paramref name="tenantId"/>, so the caller
/// decides which transaction a reservation commits in.
/// </summary>
public interface ITenantAiBudget
{
    /// <summary>Adds <paramref name="amount"/> to the usage only if it stays within the limit, atomically.</summary>
    Task<AiBudgetReservation> TryReserveAsync(Guid tenantId, decimal amount, CancellationToken cancellationToken);

    /// <summary>Replaces a reservation by the real cost (which may be lower or, rarely, higher).</summary>
    Task SettleAsync(Guid tenantId, decimal reserved, decimal actual, CancellationToken cancellationToken);

    /// <summary>Gives a reservation back: the call it was for did not happen or failed.</summary>
    Task ReleaseAsync(Guid tenantId, decimal reserved, CancellationToken cancellationToken);
}

/// <param name="Reserved">False when the amount would exceed the limit (or the tenant is unknown).</param>
/// <param name="Limit">The tenant's limit in USD.</param>
/// <param name="Usage">The usage after the reservation, or the current usage when refused.</param>
public sealed record AiBudgetReservation(bool Reserved, decimal Limit, decimal Usage);

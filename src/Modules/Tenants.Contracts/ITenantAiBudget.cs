namespace Platform.Tenants.Contracts;

/// <summary>
/// The tenant's AI spending this calendar month (UTC; <c>ai_usage_current</c>) against the lower of its plan's monthly
/// budget and a cap of its own (<c>ai_budget_limit</c>, when set).
/// Every method runs on the caller's open unit of work (DbSession) for <paramref name="tenantId"/>, so the caller
/// decides which transaction a reservation commits in.
/// </summary>
public interface ITenantAiBudget
{
    /// <summary>
    /// Adds <paramref name="amount"/> to this month's usage only if it stays within the limit (the lower of
    /// <paramref name="planBudget"/> and the tenant's own cap), atomically.
    /// </summary>
    Task<AiBudgetReservation> TryReserveAsync(Guid tenantId, decimal amount, decimal planBudget, CancellationToken cancellationToken);

    /// <summary>Replaces a reservation by the real cost (which may be lower or, rarely, higher).</summary>
    Task SettleAsync(Guid tenantId, decimal reserved, decimal actual, CancellationToken cancellationToken);

    /// <summary>Gives a reservation back: the call it was for did not happen or failed.</summary>
    Task ReleaseAsync(Guid tenantId, decimal reserved, CancellationToken cancellationToken);
}

/// <param name="Reserved">False when the amount would exceed the limit (or the tenant is unknown).</param>
/// <param name="Limit">The tenant's limit this month in USD: its plan's budget, or its own cap when lower.</param>
/// <param name="Usage">The usage after the reservation, or the current usage when refused.</param>
public sealed record AiBudgetReservation(bool Reserved, decimal Limit, decimal Usage);

namespace Platform.Billing;

/// <summary>One plan's limits and, for a paid plan, its Stripe prices.</summary>
internal sealed class PlanOptions
{
    public int ConnectedAccounts { get; init; } = -1;
    public int Seats { get; init; } = -1;
    public int PostsPerMonth { get; init; } = -1;
    public decimal AiBudgetUsdPerMonth { get; init; } = -1;
    public long MediaStorageBytes { get; init; } = -1;
    public int ApiKeys { get; init; } = -1;

    /// <summary>The Stripe price (<c>price_...</c>) of a month of this plan; empty for the free plan.</summary>
    public string MonthlyPriceId { get; init; } = "";

    /// <summary>The Stripe price of a year of this plan; empty for the free plan.</summary>
    public string YearlyPriceId { get; init; } = "";

    public bool IsPaid => MonthlyPriceId.Length > 0 || YearlyPriceId.Length > 0;
}

namespace Platform.Billing.Contracts;

/// <summary>What a plan allows a tenant; the numbers come from <c>Billing:Plans:&lt;name&gt;</c>.</summary>
public sealed record PlanLimits(
    string Plan,
    int ConnectedAccounts,
    int Seats,
    int PostsPerMonth,
    decimal AiBudgetUsdPerMonth,
    long MediaStorageBytes,
    int ApiKeys);

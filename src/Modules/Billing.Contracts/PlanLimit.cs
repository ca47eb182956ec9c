namespace Platform.Billing.Contracts;

/// <summary>One of the things a plan limits.</summary>
public enum PlanLimit
{
    ConnectedAccounts,
    Seats,
    PostsPerMonth,
    AiBudgetUsdPerMonth,
    MediaStorageBytes,
    ApiKeys,
}

namespace Platform.Billing.Contracts;

/// <summary>What a plan allows a tenant; the numbers come from <c>Billing:Plans:&lt;name&gt;</c>.</summary>
public sealed record PlanLimits(
    string Plan,
    int ConnectedAccounts,
    int Seats,
    int PostsPerMonth,
    decimal AiBudgetUsdPerMonth,
    long MediaStorageBytes,
    int ApiKeys)
{
    /// <summary>What the plan allows of <paramref name="limit"/>.</summary>
    public decimal Of(PlanLimit limit) => limit switch
    {
        PlanLimit.ConnectedAccounts => ConnectedAccounts,
        PlanLimit.Seats => Seats,
        PlanLimit.PostsPerMonth => PostsPerMonth,
        PlanLimit.AiBudgetUsdPerMonth => AiBudgetUsdPerMonth,
        PlanLimit.MediaStorageBytes => MediaStorageBytes,
        PlanLimit.ApiKeys => ApiKeys,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, null),
    };
}

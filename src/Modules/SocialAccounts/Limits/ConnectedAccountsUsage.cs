using Platform.Billing.Contracts;

namespace Platform.SocialAccounts.Limits;

/// <summary>Every account the tenant has connected counts, whatever its status, until it is disconnected.</summary>
internal static class ConnectedAccountsUsage
{
    public static readonly CountedUsage Usage = new(PlanLimit.ConnectedAccounts, new UsageQuery("SELECT count(*) FROM social_accounts.accounts"));
}

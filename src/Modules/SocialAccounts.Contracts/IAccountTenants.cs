namespace Platform.SocialAccounts.Contracts;

/// <summary>Which tenants have connected accounts, for sweeps that run for no tenant and fan out one job per tenant.</summary>
public interface IAccountTenants
{
    /// <summary>Ids only, whatever the accounts' status: an account that must be reconnected still has its reason to show.</summary>
    Task<IReadOnlyList<Guid>> WithAccountsAsync(CancellationToken cancellationToken);
}

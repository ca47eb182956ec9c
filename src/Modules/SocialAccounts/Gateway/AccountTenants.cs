using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Gateway;

/// <summary>
/// Reads the tenants with accounts for no tenant, through the SECURITY DEFINER function
/// <c>social_accounts.tenants_with_accounts</c>: the caller learns ids and nothing else of other tenants.
/// </summary>
internal sealed class AccountTenants(IServiceScopeFactory scopes) : IAccountTenants
{
    public Task<IReadOnlyList<Guid>> WithAccountsAsync(CancellationToken cancellationToken) =>
        scopes.RunAsync(null, async services =>
        {
            await using var command = await services.GetRequiredService<DbSession>()
                .CreateCommandAsync("SELECT social_accounts.tenants_with_accounts()", cancellationToken);
            var tenants = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(reader.GetGuid(0));
            }
            return (IReadOnlyList<Guid>)tenants;
        }, cancellationToken);
}

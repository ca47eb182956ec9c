using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Refreshes tokens before they expire. The sweep runs for no tenant and learns only which tenants have work, through
/// the SECURITY DEFINER function <c>social_accounts.tenants_with_expiring_tokens</c>; each tenant's refresh is its own
/// job under that tenant's RLS, which refreshes account after account with no connection held while a platform answers.
/// </summary>
internal sealed class TokenRefreshJobs(
    DbSession session, IServiceScopeFactory scopes, TokenRefresh refresh, IBackgroundJobClient jobs, TimeProvider clock, ILogger<TokenRefreshJobs> logger)
{
    public const string RecurringJobId = "social_accounts:refresh-tokens";
    /// <summary>Refresh what expires within this horizon: wider than the sweep interval, so nothing slips between sweeps.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    [CrossTenantJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var tenants = await TenantsWithExpiringTokensAsync(cancellationToken);
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<TokenRefreshJobs>(j => j.RefreshTenantAsync(tenantId, CancellationToken.None));
        }
        logger.LogInformation("Token refresh sweep queued {Count} tenants", tenants.Count);
    }

    public async Task<IReadOnlyList<Guid>> TenantsWithExpiringTokensAsync(CancellationToken cancellationToken)
    {
        await session.BeginAsync(cancellationToken);
        await using var command = await session.CreateCommandAsync("SELECT social_accounts.tenants_with_expiring_tokens($1)", cancellationToken);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = clock.GetUtcNow().Add(Horizon) });
        var tenants = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(reader.GetGuid(0));
            }
        }
        await session.CommitAsync(cancellationToken);
        return tenants;
    }

    /// <summary>Refreshes one tenant's expiring tokens; one account's failure does not stop the others.</summary>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RefreshTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow().Add(Horizon);
        var due = await scopes.RunAsync(tenantId, services => services.GetRequiredService<SocialAccountsDbContext>().Accounts
            .Where(a => a.Status == AccountStatus.Active && a.TokenExpiresAt != null && a.TokenExpiresAt < horizon)
            .Select(a => new { a.Id, a.Platform })
            .ToListAsync(cancellationToken), cancellationToken);
        var refreshed = 0;
        foreach (var account in due)
        {
            try
            {
                // A refresh under way elsewhere is left to finish: the next sweep looks again.
                var result = await refresh.RefreshAsync(account.Id, (tokens, current) => tokens.NeedsRefresh(current, Horizon), refusal: null,
                    waitForOthers: false, cancellationToken);
                if (result == RefreshResult.Refreshed)
                {
                    refreshed++;
                }
            }
            catch (PlatformException failure)
            {
                // A refusal has already marked the account (expired or revoked, with account.needs_reconnect committed with
                // it); transient failures are retried by the next sweep.
                logger.LogWarning("Refreshing account {AccountId} on {Platform} failed: {Kind}", account.Id, account.Platform, failure.Kind);
            }
        }
        return refreshed;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Refreshes an account's tokens without a database connection waiting on the platform: the refresh is claimed in one
/// short unit of work, the platform called with none open, and its answer stored in another (<see cref="AccountTokens"/>
/// has the steps). Callers that find another refresh under way either wait for it (their token is unusable) or go on
/// with the tokens they have (still valid, only close to expiry).
/// </summary>
internal sealed class TokenRefresh(IServiceScopeFactory scopes, ITenantContext tenant, PlatformClientFactory clients, TimeProvider clock)
{
    /// <summary>How often a caller waiting for another's refresh looks again.</summary>
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Once a refresh request has left, its answer must be stored whatever the caller's deadline, since platforms rotate
    /// refresh tokens and an abandoned answer loses the only one that still works. The client's timeout bounds it.
    /// </summary>
    private static readonly CancellationToken SeenThrough = CancellationToken.None;

    /// <param name="due">Whether to refresh, asked of the account as re-read under its row lock.</param>
    /// <param name="refusal">The platform's refusal of the current token, when that is why this refresh runs.</param>
    /// <param name="waitForOthers">Wait for a refresh under way elsewhere (true), or leave it to finish on its own (false).</param>
    /// <param name="cancellationToken">Ends a wait for another's refresh; a refresh this call started is seen through.</param>
    public async Task<RefreshResult> RefreshAsync(
        Guid accountId, Func<AccountTokens, SocialAccount, bool> due, PlatformException? refusal, bool waitForOthers, CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            var claim = await InUnitOfWorkAsync(accountId, (tokens, account) => tokens.ClaimRefreshAsync(account, a => due(tokens, a), refusal, SeenThrough));
            switch (claim.Outcome)
            {
                case RefreshClaimOutcome.NotNeeded:
                    return waited ? RefreshResult.RefreshedElsewhere : RefreshResult.NotNeeded;
                case RefreshClaimOutcome.Busy when !waitForOthers:
                    return RefreshResult.UnderWayElsewhere;
                case RefreshClaimOutcome.Busy:
                    var left = claim.BusyUntil!.Value - clock.GetUtcNow();
                    await Task.Delay(left < WaitStep ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : WaitStep, cancellationToken);
                    waited = true;
                    continue;
                default:
                    return await CallPlatformAsync(accountId, claim, refusal) ? RefreshResult.Refreshed : RefreshResult.NotNeeded;
            }
        }
    }

    private async Task<bool> CallPlatformAsync(Guid accountId, RefreshClaim claim, PlatformException? refusal)
    {
        TokenSet? fresh;
        try
        {
            fresh = await clients.For(claim.Platform).RefreshAsync(claim.Credentials!, SeenThrough);
        }
        catch (PlatformException refused) when (refused.Kind is PlatformErrorKind.TokenRevoked or PlatformErrorKind.TokenExpired or PlatformErrorKind.Permanent)
        {
            TokenRefreshMetrics.Record(claim.Platform, TokenRefreshMetrics.Refused);
            return await InUnitOfWorkAsync(accountId, (tokens, account) => tokens.CompleteRefreshAsync(account, claim, null, refused, refusal, SeenThrough));
        }
        catch
        {
            TokenRefreshMetrics.Record(claim.Platform, TokenRefreshMetrics.Failed);
            // A timeout or 5xx says nothing of the tokens: the next caller may try at once instead of after the lease.
            await InUnitOfWorkAsync(accountId, async (tokens, account) =>
            {
                await tokens.AbandonRefreshAsync(account, claim, SeenThrough);
                return true;
            });
            throw;
        }
        TokenRefreshMetrics.Record(claim.Platform, TokenRefreshMetrics.Refreshed);
        return await InUnitOfWorkAsync(accountId, (tokens, account) => tokens.CompleteRefreshAsync(account, claim, fresh, null, refusal, SeenThrough));
    }

    private Task<T> InUnitOfWorkAsync<T>(Guid accountId, Func<AccountTokens, SocialAccount, Task<T>> step) =>
        scopes.RunAsync(tenant.RequiredTenantId, async services =>
        {
            var account = await services.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleOrDefaultAsync(a => a.Id == accountId, SeenThrough)
                ?? throw new KeyNotFoundException($"Social account {accountId} was not found.");
            return await step(services.GetRequiredService<AccountTokens>(), account);
        }, commitsDespite: failure => failure is PlatformException, SeenThrough);
}

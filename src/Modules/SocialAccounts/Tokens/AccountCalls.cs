using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Calls a platform through an account without a database connection waiting on the platform (seconds, against the
/// milliseconds of the reads and writes around it): the account is read and its tokens made usable in one short unit of
/// work, the call holds none, and what it changes is written in another. The units of work are this class's own, in the
/// current tenant, whether or not the caller has one open; what a step saved before failing with a
/// <see cref="PlatformException"/> (an account marked for reconnection) commits all the same.
/// </summary>
internal sealed class AccountCalls(
    IServiceScopeFactory scopes, ITenantContext tenant, PlatformClientFactory clients, TokenRefresh refresh, PlatformRateLimiter limiter,
    TimeProvider clock, ILogger<AccountCalls> logger)
{
    private static readonly TimeSpan LastSyncResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// For the steps that may mark an account: a mark saved must commit whatever the caller's deadline, and they are
    /// short. A caller that must not send late has its <see cref="SendWindow"/>.
    /// </summary>
    private static readonly CancellationToken SeenThrough = CancellationToken.None;

    /// <param name="check">Asked of the account's platform before anything else happens (content rules).</param>
    public async Task<T> CallAsync<T>(
        Guid accountId, PlatformOperation operation, Action<SocialPlatform>? check, Func<IPlatformClient, AccountCredentials, Task<T>> call,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // An account that must be reconnected fails here, before it uses up a rate-limit permit.
        var account = await InUnitOfWorkAsync(access => access.OpenAsync(accountId, check, SeenThrough), SeenThrough);
        if (account.RefreshDue)
        {
            account = await RefreshDueAsync(account, cancellationToken);
        }
        await limiter.AcquireAsync(account.Platform, account.Id, operation, cancellationToken);
        var client = clients.For(account.Platform);
        T result;
        try
        {
            result = await call(client, account.Credentials);
        }
        catch (PlatformException refused) when (IsTokenRefusal(refused))
        {
            // The platform may expire or invalidate a token before the time it announced: refresh it once and try once more.
            // A token that cannot be refreshed marks the account, which then fails here (and everywhere) until reconnected.
            var stale = account;
            await refresh.RefreshAsync(stale.Id, (_, current) => current.LastRefreshedAt == stale.LastRefreshedAt, refused, waitForOthers: true, cancellationToken);
            account = await InUnitOfWorkAsync(access => access.ReadAsync(stale.Id, SeenThrough), SeenThrough);
            try
            {
                result = await call(client, account.Credentials);
            }
            catch (PlatformException again) when (IsTokenRefusal(again))
            {
                var refreshed = account;
                throw await InUnitOfWorkAsync(access => access.MarkRefusedAsync(refreshed.Id, again, SeenThrough), SeenThrough);
            }
        }
        await RecordSyncAsync(account, cancellationToken);
        return result;
    }

    /// <summary>
    /// Tokens close to expiry are refreshed before the call. When another caller is refreshing them, a token still valid
    /// is used as it is, and an expired one waits for that refresh.
    /// </summary>
    private async Task<CallableAccount> RefreshDueAsync(CallableAccount account, CancellationToken cancellationToken)
    {
        var result = await refresh.RefreshAsync(account.Id, (tokens, current) => tokens.NeedsRefresh(current, AccountTokens.RefreshMargin), refusal: null,
            waitForOthers: account.Expired, cancellationToken);
        return result == RefreshResult.UnderWayElsewhere
            ? account
            : await InUnitOfWorkAsync(access => access.ReadAsync(account.Id, SeenThrough), SeenThrough);
    }

    /// <summary>
    /// Recorded at most once a minute: a write per publish would cost more than the call it records. It is bookkeeping, so
    /// failing to write it must not lose the platform's answer (a post it accepted would look lost).
    /// </summary>
    private async Task RecordSyncAsync(CallableAccount account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (account.LastSyncAt is { } synced && now - synced < LastSyncResolution)
        {
            return;
        }
        try
        {
            await InUnitOfWorkAsync(access => access.RecordSyncAsync(account.Id, now, LastSyncResolution, cancellationToken), cancellationToken);
        }
        catch (Exception failure) when (failure is DbException or OperationCanceledException)
        {
            logger.LogWarning(failure, "The last sync of account {AccountId} was not recorded", account.Id);
        }
    }

    private static bool IsTokenRefusal(PlatformException failure) =>
        (failure.Kind is PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked) && !failure.IsLocalLimit;

    private Task<T> InUnitOfWorkAsync<T>(Func<AccountAccess, Task<T>> step, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenant.RequiredTenantId, services => step(services.GetRequiredService<AccountAccess>()),
            commitsDespite: failure => failure is PlatformException, cancellationToken);
}

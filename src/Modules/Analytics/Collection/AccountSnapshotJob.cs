using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Analytics.Data;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Collection;

/// <summary>
/// Collects every connected account's own numbers (followers) once a day. The sweep runs for no tenant and fans out one
/// job per tenant with accounts, carrying the tenant; each asks the platforms outside any unit of work, stores one snapshot
/// per account and tenant day, and leaves a refusal's reason on the account's analytics status.
/// </summary>
/// <remarks>
/// The tenants come from the accounts module (<see cref="IAccountTenants"/>) rather than from a table analytics would keep
/// from events: the accounts table is the one truth of which tenants have accounts, including those that never published,
/// and there is no connect event to keep a copy from.
/// </remarks>
internal sealed class AccountSnapshotJob(
    IServiceScopeFactory scopes, ISocialAccounts accounts, IAccountTenants tenants, IBackgroundJobClient jobs, SnapshotStore store, TimeProvider clock,
    ILogger<AccountSnapshotJob> logger)
{
    public const string RecurringJobId = "analytics:account-snapshots";

    /// <summary>Daily, early in the UTC day; each tenant's snapshot belongs to its own day at that moment.</summary>
    public const string Every = "30 0 * * *";

    [CrossTenantJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var withAccounts = await tenants.WithAccountsAsync(cancellationToken);
        foreach (var tenantId in withAccounts)
        {
            jobs.Enqueue<AccountSnapshotJob>(job => job.CollectAsync(tenantId, CancellationToken.None));
        }
        logger.LogInformation("Account snapshot sweep queued {Count} tenants", withAccounts.Count);
    }

    /// <summary>
    /// A busy or failing platform makes the job fail after the other accounts are done, so Hangfire runs it again; accounts
    /// already stored that day are not asked twice. A token or permission problem needs the user and waits for tomorrow.
    /// </summary>
    /// <returns>How many snapshots this run stored.</returns>
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> CollectAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var (day, due) = await scopes.RunAsync(tenantId, async services =>
        {
            var day = AccountSnapshot.DayOf(startedAt, await services.GetRequiredService<ReportQuery>().ZoneAsync(cancellationToken));
            var stored = await services.GetRequiredService<AnalyticsDbContext>().AccountSnapshots.AsNoTracking()
                .Where(s => s.Day == day).Select(s => s.SocialAccountId).ToListAsync(cancellationToken);
            var listed = await services.GetRequiredService<ISocialAccounts>().ListAsync(cancellationToken);
            return (day, listed.Where(a => !stored.Contains(a.Id)).ToList());
        }, cancellationToken);
        PlatformException? retry = null;
        var count = 0;
        foreach (var account in due)
        {
            AccountMetrics metrics;
            try
            {
                metrics = await accounts.GetAccountMetricsAsync(account.Id, cancellationToken);
            }
            catch (PlatformException refusal)
            {
                await store.RecordRefusalAsync(tenantId, account.Id, refusal, cancellationToken);
                logger.LogWarning("Account numbers of {AccountId} on {Platform} refused: {Kind}", account.Id, account.Platform, refusal.Kind);
                if (refusal.Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.Transient)
                {
                    retry ??= refusal;
                }
                continue;
            }
            if (metrics.Offered)
            {
                await store.StoreAccountAsync(AccountSnapshot.Of(tenantId, account.Id, account.Platform, day, metrics, clock.GetUtcNow()), cancellationToken);
                count++;
            }
        }
        if (retry is not null)
        {
            throw retry;
        }
        return count;
    }
}

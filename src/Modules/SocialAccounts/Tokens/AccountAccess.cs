using Microsoft.EntityFrameworkCore;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// The database side of a platform call, one step per short unit of work (see <see cref="AccountCalls"/>): before the
/// call, read the account and its tokens; after a refresh, read them again; after a refusal of refreshed tokens, mark the
/// account; after the call, note the sync.
/// </summary>
internal sealed class AccountAccess(SocialAccountsDbContext db, AccountTokens tokens, AccountDirectory directory)
{
    /// <param name="check">Asked first, of the platform alone: a refusal here costs no token refresh.</param>
    public async Task<CallableAccount> OpenAsync(Guid accountId, Action<SocialPlatform>? check, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        check?.Invoke(account.Platform);
        return await tokens.CallableAsync(account, cancellationToken);
    }

    /// <summary>The account and its tokens as stored now; one that must be reconnected throws.</summary>
    public async Task<CallableAccount> ReadAsync(Guid accountId, CancellationToken cancellationToken) =>
        await tokens.CallableAsync(await LoadAsync(accountId, cancellationToken), cancellationToken);

    /// <returns>The error for the caller, once the account's mark is committed.</returns>
    public async Task<PlatformException> MarkRefusedAsync(Guid accountId, PlatformException refusal, CancellationToken cancellationToken) =>
        await tokens.MarkRefusedAsync(await LoadAsync(accountId, cancellationToken), refusal, cancellationToken);

    /// <summary>Moves the last sync to <paramref name="now"/> unless it is younger than <paramref name="resolution"/>, so concurrent calls write it once.</summary>
    public Task<int> RecordSyncAsync(Guid accountId, DateTimeOffset now, TimeSpan resolution, CancellationToken cancellationToken)
    {
        var staleBefore = now - resolution;
        directory.ChangedOnCommit();
        return db.Accounts
            .Where(a => a.Id == accountId && (a.LastSyncAt == null || a.LastSyncAt <= staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LastSyncAt, now), cancellationToken);
    }

    private async Task<SocialAccount> LoadAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw new KeyNotFoundException($"Social account {accountId} was not found.");
}

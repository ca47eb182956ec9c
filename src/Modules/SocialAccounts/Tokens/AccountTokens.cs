using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// The database steps of an account's tokens: read them for a call, and the two ends of a refresh. A refresh is claimed
/// in one short unit of work (<see cref="ClaimRefreshAsync"/>: the row lock is held only while the claim is written),
/// the platform is called with no connection held (<see cref="TokenRefresh"/>), and its answer is stored in another
/// (<see cref="CompleteRefreshAsync"/>). The claim makes concurrent refreshes of one account collapse into one. A token
/// that cannot be refreshed, or whose refresh the platform refuses, marks the account expired or revoked; unreadable
/// ciphertext marks it as needing reconnection. The mark and its <see cref="AccountNeedsReconnect"/> event are saved
/// before the error propagates; the caller's unit of work decides whether they commit (<see cref="AccountCalls"/>' do).
/// </summary>
internal sealed class AccountTokens(
    SocialAccountsDbContext db, TokenCipher cipher, Outbox outbox, TimeProvider clock, IOptions<PlatformCallOptions> options, ILogger<AccountTokens> logger)
{
    /// <summary>How long before expiry a token is refreshed on use.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(10);

    /// <summary>The account's tokens as they are, for a call; <see cref="CallableAccount.RefreshDue"/> says whether to refresh them first.</summary>
    public async Task<CallableAccount> CallableAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        EnsureActive(account);
        var credentials = await DecryptAsync(account, cancellationToken);
        return new CallableAccount(account.Id, account.Platform, credentials, account.LastRefreshedAt, account.LastSyncAt,
            RefreshDue: NeedsRefresh(account, RefreshMargin), Expired: account.TokenExpiresAt <= clock.GetUtcNow());
    }

    /// <summary>
    /// Claims the refresh of <paramref name="account"/> when <paramref name="due"/>, asked of it as re-read under its row
    /// lock, says it is due and no other refresh holds a live claim. Tokens that no refresh can renew mark the account
    /// (and throw) when they are expired or were refused (<paramref name="refusal"/>).
    /// </summary>
    public async Task<RefreshClaim> ClaimRefreshAsync(
        SocialAccount account, Func<SocialAccount, bool> due, PlatformException? refusal, CancellationToken cancellationToken)
    {
        await LockAsync(account, cancellationToken);
        if (account.Status != AccountStatus.Active || !due(account))
        {
            return RefreshClaim.NotNeeded;
        }
        var now = clock.GetUtcNow();
        if (account.IsRefreshClaimed(now))
        {
            return RefreshClaim.Busy(account.RefreshClaimedUntil!.Value);
        }
        if (!account.CanRefresh(now))
        {
            await NoRefreshAsync(account, refusal, now, cancellationToken);
            return RefreshClaim.NotNeeded;
        }
        var credentials = await DecryptAsync(account, cancellationToken);
        var claimId = Guid.NewGuid();
        account.TryClaimRefresh(claimId, now, options.Value.RefreshClaimLease);
        await db.SaveChangesAsync(cancellationToken);
        return RefreshClaim.Claimed(claimId, account.Platform, credentials, account.LastRefreshedAt);
    }

    /// <summary>
    /// Stores what the platform answered the refresh <paramref name="claim"/>: new tokens (<paramref name="fresh"/>), none
    /// (the platform keeps the current ones), or a refusal (<paramref name="refused"/>), which marks the account and
    /// throws unless someone stored new tokens since the claim (theirs then stand, and the refusal was of a spent token).
    /// </summary>
    /// <returns>True when new tokens were stored.</returns>
    public async Task<bool> CompleteRefreshAsync(
        SocialAccount account, RefreshClaim claim, TokenSet? fresh, PlatformException? refused, PlatformException? refusal, CancellationToken cancellationToken)
    {
        await LockAsync(account, cancellationToken);
        account.ReleaseRefreshClaim(claim.Id);
        var now = clock.GetUtcNow();
        if (fresh is not null)
        {
            Store(account, fresh, now);
            account.LastRefreshedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        if (refused is null)
        {
            await NoRefreshAsync(account, refusal, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        if (account.LastRefreshedAt != claim.LastRefreshedAt || account.Status != AccountStatus.Active)
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        // A token the platform called revoked stays revoked, whatever the refresh endpoint then says.
        var kind = refused.Kind == PlatformErrorKind.TokenRevoked || refusal?.Kind == PlatformErrorKind.TokenRevoked
            ? PlatformErrorKind.TokenRevoked
            : PlatformErrorKind.TokenExpired;
        await MarkAsync(account, kind, $"The platform refused the token refresh: {refused.Message}", cancellationToken);
        throw Unusable(account, refused.PlatformCode);
    }

    /// <summary>Gives the claim back after a failure that says nothing of the tokens (a timeout, a 5xx), so the next caller may try.</summary>
    public async Task AbandonRefreshAsync(SocialAccount account, RefreshClaim claim, CancellationToken cancellationToken)
    {
        await LockAsync(account, cancellationToken);
        account.ReleaseRefreshClaim(claim.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The platform refused tokens that were just refreshed: only a reconnect helps.</summary>
    /// <returns>The error to give the caller once the mark is committed.</returns>
    public async Task<PlatformException> MarkRefusedAsync(SocialAccount account, PlatformException refusal, CancellationToken cancellationToken)
    {
        await LockAsync(account, cancellationToken);
        if (account.Status == AccountStatus.Active)
        {
            await MarkAsync(account, refusal.Kind, $"The platform refused the refreshed token: {refusal.Message}", cancellationToken);
        }
        return Unusable(account, refusal.PlatformCode);
    }

    /// <summary>Whether the account's token expires within <paramref name="margin"/>.</summary>
    public bool NeedsRefresh(SocialAccount account, TimeSpan margin) =>
        account.TokenExpiresAt is { } expires && expires - margin <= clock.GetUtcNow();

    /// <summary>Nothing can refresh the token: a refused or expired one marks the account; one still valid stays as it is.</summary>
    private async Task NoRefreshAsync(SocialAccount account, PlatformException? refusal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (refusal is not null)
        {
            await MarkAsync(account, refusal.Kind, $"{refusal.Message} The platform offers no refresh for this token; reconnect the account.", cancellationToken);
            throw Unusable(account, refusal.PlatformCode);
        }
        if (account.TokenExpiresAt <= now)
        {
            await MarkAsync(account, PlatformErrorKind.TokenExpired, "The token expired and the platform offers no refresh; reconnect the account.", cancellationToken);
            throw Unusable(account, platformCode: null);
        }
    }

    /// <summary>Encrypts tokens onto the account under the current key.</summary>
    public void Store(SocialAccount account, TokenSet tokens, DateTimeOffset now)
    {
        account.AccessTokenCipher = cipher.Encrypt(tokens.AccessToken, account.Id);
        account.RefreshTokenCipher = tokens.RefreshToken is null ? null : cipher.Encrypt(tokens.RefreshToken, account.Id);
        account.KeyId = cipher.CurrentKeyId;
        account.TokenExpiresAt = tokens.ExpiresAt;
        account.RefreshTokenExpiresAt = tokens.RefreshExpiresAt;
        if (tokens.Scopes.Length > 0)
        {
            account.Scopes = tokens.Scopes;
        }
        account.Status = AccountStatus.Active;
        account.StatusReason = null;
        account.UpdatedAt = now;
    }

    /// <summary>Decrypts; tampered or unreadable ciphertext marks the account and fails loudly.</summary>
    public async Task<AccountCredentials> DecryptAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        try
        {
            return new AccountCredentials(account.Id, account.ExternalId, account.Handle,
                cipher.Decrypt(account.AccessTokenCipher, account.Id),
                account.RefreshTokenCipher is null ? null : cipher.Decrypt(account.RefreshTokenCipher, account.Id),
                account.Metadata, account.Scopes);
        }
        catch (TokenDecryptionException exception)
        {
            logger.LogError("Stored tokens of account {AccountId} cannot be decrypted: {Reason}", account.Id, exception.Message);
            if (account.MarkUnusable(AccountStatus.NeedsReconnect, "The stored credentials failed their integrity check; reconnect the account.", clock.GetUtcNow()))
            {
                await outbox.AddAsync([NeedsReconnect(account)], cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            throw new PlatformException(account.Platform, PlatformErrorKind.TokenRevoked,
                "The account's stored credentials are unreadable; reconnect the account.", platformCode: "tampered");
        }
    }

    /// <summary>The event that tells other modules (Posts stops sending) that <paramref name="account"/> must be reconnected.</summary>
    public AccountNeedsReconnect NeedsReconnect(SocialAccount account) => new()
    {
        TenantId = account.TenantId,
        OccurredAt = clock.GetUtcNow(),
        SocialAccountId = account.Id,
        Platform = account.Platform,
        Status = account.Status,
        Reason = account.StatusReason ?? "",
    };

    private async Task MarkAsync(SocialAccount account, PlatformErrorKind refusal, string reason, CancellationToken cancellationToken)
    {
        if (account.MarkRefused(refusal, reason, clock.GetUtcNow()))
        {
            await outbox.AddAsync([NeedsReconnect(account)], cancellationToken);
            logger.LogWarning("Account {AccountId} on {Platform} marked {Status}: {Reason}", account.Id, account.Platform, account.Status, reason);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LockAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM social_accounts.accounts WHERE id = {account.Id} FOR UPDATE", cancellationToken);
        await db.Entry(account).ReloadAsync(cancellationToken);
    }

    /// <summary>Throws the error a call gets from an account that must be reconnected.</summary>
    public static void EnsureActive(SocialAccount account)
    {
        if (account.Status != AccountStatus.Active)
        {
            throw Unusable(account, platformCode: null);
        }
    }

    private static PlatformException Unusable(SocialAccount account, string? platformCode) => new(account.Platform,
        account.Status == AccountStatus.Revoked ? PlatformErrorKind.TokenRevoked : PlatformErrorKind.TokenExpired,
        $"The account is {SocialAccountsDbContext.StatusSlug(account.Status)} and must be reconnected: {account.StatusReason}", platformCode: platformCode);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Reads an account's tokens for one call, refreshing them first when they are about to expire. Refreshing takes the
/// account's row lock (<c>SELECT … FOR UPDATE</c>) and re-reads it, so concurrent refreshes of one account collapse into
/// one: the second waits for the first's commit and then finds a fresh token. A refresh the platform refuses marks the
/// account expired or revoked; unreadable ciphertext marks it as needing reconnection. Both are saved before the error
/// propagates; the caller's unit of work decides whether they commit (<see cref="AccountCalls"/>' do).
/// </summary>
internal sealed class AccountTokens(
    SocialAccountsDbContext db, TokenCipher cipher, PlatformClientFactory clients, TimeProvider clock, ILogger<AccountTokens> logger)
{
    /// <summary>How long before expiry a token is refreshed on use.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(10);

    public async Task<AccountCredentials> UsableCredentialsAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        EnsureActive(account);
        if (NeedsRefresh(account, RefreshMargin))
        {
            await RefreshAsync(account, RefreshMargin, cancellationToken);
        }
        return await DecryptAsync(account, cancellationToken);
    }

    /// <summary>Refreshes when the token expires within <paramref name="margin"/>; true when new tokens were stored.</summary>
    public Task<bool> RefreshAsync(SocialAccount account, TimeSpan margin, CancellationToken cancellationToken) =>
        RefreshAsync(account, locked => NeedsRefresh(locked, margin), cancellationToken);

    /// <summary>
    /// Refreshes now, because the platform refused tokens it had not announced as expired, unless another caller has
    /// refreshed them since they were read (when the account's <c>LastRefreshedAt</c> was <paramref name="lastRefreshedAtWhenRead"/>);
    /// true when new tokens were stored.
    /// </summary>
    public Task<bool> RefreshRefusedAsync(SocialAccount account, DateTimeOffset? lastRefreshedAtWhenRead, CancellationToken cancellationToken) =>
        RefreshAsync(account, locked => locked.LastRefreshedAt == lastRefreshedAtWhenRead, cancellationToken);

    /// <param name="due">Whether to refresh, asked of the account as re-read under its row lock.</param>
    private async Task<bool> RefreshAsync(SocialAccount account, Func<SocialAccount, bool> due, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM social_accounts.accounts WHERE id = {account.Id} FOR UPDATE", cancellationToken);
        await db.Entry(account).ReloadAsync(cancellationToken);
        if (account.Status != AccountStatus.Active || !due(account))
        {
            return false;
        }
        var credentials = await DecryptAsync(account, cancellationToken);
        var now = clock.GetUtcNow();
        TokenSet? fresh;
        try
        {
            fresh = await clients.For(account.Platform).RefreshAsync(credentials, cancellationToken);
        }
        catch (PlatformException refused) when (refused.Kind is PlatformErrorKind.TokenRevoked or PlatformErrorKind.TokenExpired or PlatformErrorKind.Permanent)
        {
            var status = refused.Kind == PlatformErrorKind.TokenRevoked ? AccountStatus.Revoked : AccountStatus.Expired;
            account.MarkUnusable(status, $"The platform refused the token refresh: {refused.Message}", now);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Token refresh of account {AccountId} on {Platform} refused ({Kind}); marked {Status}",
                account.Id, account.Platform, refused.Kind, status);
            throw new PlatformException(account.Platform, refused.Kind == PlatformErrorKind.TokenRevoked ? PlatformErrorKind.TokenRevoked : PlatformErrorKind.TokenExpired,
                "The account must be reconnected: the platform refused to refresh its token.", platformCode: refused.PlatformCode);
        }
        if (fresh is null)
        {
            if (account.TokenExpiresAt <= now)
            {
                account.MarkUnusable(AccountStatus.Expired, "The token expired and the platform offers no refresh; reconnect the account.", now);
                await db.SaveChangesAsync(cancellationToken);
                throw new PlatformException(account.Platform, PlatformErrorKind.TokenExpired, "The account's token expired; reconnect the account.");
            }
            return false;
        }
        Store(account, fresh, now);
        account.LastRefreshedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
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
                account.Metadata);
        }
        catch (TokenDecryptionException exception)
        {
            logger.LogError("Stored tokens of account {AccountId} cannot be decrypted: {Reason}", account.Id, exception.Message);
            account.MarkUnusable(AccountStatus.NeedsReconnect, "The stored credentials failed their integrity check; reconnect the account.", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            throw new PlatformException(account.Platform, PlatformErrorKind.TokenRevoked,
                "The account's stored credentials are unreadable; reconnect the account.", platformCode: "tampered");
        }
    }

    private bool NeedsRefresh(SocialAccount account, TimeSpan margin) =>
        account.TokenExpiresAt is { } expires && expires - margin <= clock.GetUtcNow();

    private static void EnsureActive(SocialAccount account)
    {
        if (account.Status != AccountStatus.Active)
        {
            throw new PlatformException(account.Platform,
                account.Status == AccountStatus.Revoked ? PlatformErrorKind.TokenRevoked : PlatformErrorKind.TokenExpired,
                $"The account is {SocialAccountsDbContext.StatusSlug(account.Status)}; reconnect it first.");
        }
    }
}

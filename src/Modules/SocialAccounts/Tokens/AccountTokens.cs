using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Reads an account's tokens for one call, refreshing them first when they are about to expire. Refreshing takes the
/// account's row lock (<c>SELECT … FOR UPDATE</c>) and re-reads it, so concurrent refreshes of one account collapse into
/// one: the second waits for the first's commit and then finds a fresh token. A token that cannot be refreshed, or whose
/// refresh the platform refuses, marks the account expired or revoked; unreadable ciphertext marks it as needing
/// reconnection. The mark and its <see cref="AccountNeedsReconnect"/> event are saved before the error propagates; the
/// caller's unit of work decides whether they commit (<see cref="AccountCalls"/>' do).
/// </summary>
internal sealed class AccountTokens(
    SocialAccountsDbContext db, TokenCipher cipher, PlatformClientFactory clients, Outbox outbox, TimeProvider clock, ILogger<AccountTokens> logger)
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
        RefreshAsync(account, locked => NeedsRefresh(locked, margin), refusal: null, cancellationToken);

    /// <summary>
    /// Refreshes now, because the platform refused tokens it had not announced as expired (<paramref name="refusal"/>),
    /// unless another caller has refreshed them since they were read (when the account's <c>LastRefreshedAt</c> was
    /// <paramref name="lastRefreshedAtWhenRead"/>). Tokens that cannot be refreshed mark the account and throw.
    /// </summary>
    public async Task RefreshRefusedAsync(
        SocialAccount account, DateTimeOffset? lastRefreshedAtWhenRead, PlatformException refusal, CancellationToken cancellationToken)
    {
        await RefreshAsync(account, locked => locked.LastRefreshedAt == lastRefreshedAtWhenRead, refusal, cancellationToken);
        // Another caller may have marked the account meanwhile.
        EnsureActive(account);
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

    /// <param name="due">Whether to refresh, asked of the account as re-read under its row lock.</param>
    /// <param name="refusal">The platform's refusal of the current token, when that is why this refresh runs.</param>
    private async Task<bool> RefreshAsync(SocialAccount account, Func<SocialAccount, bool> due, PlatformException? refusal, CancellationToken cancellationToken)
    {
        await LockAsync(account, cancellationToken);
        if (account.Status != AccountStatus.Active || !due(account))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        if (!account.CanRefresh(now))
        {
            return await NoRefreshAsync(account, refusal, now, cancellationToken);
        }
        var credentials = await DecryptAsync(account, cancellationToken);
        TokenSet? fresh;
        try
        {
            fresh = await clients.For(account.Platform).RefreshAsync(credentials, cancellationToken);
        }
        catch (PlatformException refused) when (refused.Kind is PlatformErrorKind.TokenRevoked or PlatformErrorKind.TokenExpired or PlatformErrorKind.Permanent)
        {
            // A token the platform called revoked stays revoked, whatever the refresh endpoint then says.
            var kind = refused.Kind == PlatformErrorKind.TokenRevoked || refusal?.Kind == PlatformErrorKind.TokenRevoked
                ? PlatformErrorKind.TokenRevoked
                : PlatformErrorKind.TokenExpired;
            await MarkAsync(account, kind, $"The platform refused the token refresh: {refused.Message}", cancellationToken);
            throw Unusable(account, refused.PlatformCode);
        }
        if (fresh is null)
        {
            return await NoRefreshAsync(account, refusal, now, cancellationToken);
        }
        Store(account, fresh, now);
        account.LastRefreshedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Nothing can refresh the token: a refused or expired one marks the account; one still valid stays as it is.</summary>
    private async Task<bool> NoRefreshAsync(SocialAccount account, PlatformException? refusal, DateTimeOffset now, CancellationToken cancellationToken)
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
        return false;
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

    private bool NeedsRefresh(SocialAccount account, TimeSpan margin) =>
        account.TokenExpiresAt is { } expires && expires - margin <= clock.GetUtcNow();

    private static void EnsureActive(SocialAccount account)
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

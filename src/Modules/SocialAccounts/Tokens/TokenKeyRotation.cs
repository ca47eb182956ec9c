using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Security;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// Re-encrypts every token still under an older key onto the current one, tenant by tenant (each in its own unit of
/// work under RLS); tenants are found through <c>social_accounts.tenants_with_tokens_not_under</c>. Unreadable tokens
/// mark their account as needing reconnection (and say so with <see cref="AccountNeedsReconnect"/>) instead of stopping the run.
/// </summary>
internal sealed class TokenKeyRotation(IServiceScopeFactory scopes, TokenCipher cipher, TimeProvider clock, ILogger<TokenKeyRotation> logger) : ITokenKeyRotation
{
    public async Task<int> ReencryptAllAsync(CancellationToken cancellationToken)
    {
        var tenants = await scopes.RunAsync(null, async services =>
        {
            var session = services.GetRequiredService<DbSession>();
            await using var command = await session.CreateCommandAsync("SELECT social_accounts.tenants_with_tokens_not_under($1)", cancellationToken);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = cipher.CurrentKeyId });
            var found = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetGuid(0));
            }
            return found;
        }, cancellationToken);
        var total = 0;
        foreach (var tenantId in tenants)
        {
            total += await ReencryptTenantAsync(tenantId, cancellationToken);
        }
        logger.LogInformation("Re-encrypted the tokens of {Count} accounts onto key {KeyId}", total, cipher.CurrentKeyId);
        return total;
    }

    private Task<int> ReencryptTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, services => ReencryptAsync(services, cancellationToken), cancellationToken);

    private async Task<int> ReencryptAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SocialAccountsDbContext>();
        var stale = await db.Accounts.Where(a => a.KeyId != cipher.CurrentKeyId).ToListAsync(cancellationToken);
        var count = 0;
        var unreadable = new List<SocialAccount>();
        foreach (var account in stale)
        {
            try
            {
                account.AccessTokenCipher = cipher.Encrypt(cipher.Decrypt(account.AccessTokenCipher, account.Id), account.Id);
                account.RefreshTokenCipher = account.RefreshTokenCipher is { } refresh ? cipher.Encrypt(cipher.Decrypt(refresh, account.Id), account.Id) : null;
                account.KeyId = cipher.CurrentKeyId;
                count++;
            }
            catch (TokenDecryptionException exception)
            {
                logger.LogError("Account {AccountId} tokens cannot be decrypted during rotation: {Reason}", account.Id, exception.Message);
                if (account.MarkUnusable(AccountStatus.NeedsReconnect, "The stored credentials failed their integrity check; reconnect the account.", clock.GetUtcNow()))
                {
                    unreadable.Add(account);
                }
            }
            account.UpdatedAt = clock.GetUtcNow();
        }
        var tokens = services.GetRequiredService<AccountTokens>();
        await services.GetRequiredService<Outbox>().AddAsync(unreadable.Select(tokens.NeedsReconnect).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}

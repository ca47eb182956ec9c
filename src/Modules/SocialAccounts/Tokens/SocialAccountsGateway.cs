using Microsoft.EntityFrameworkCore;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// <see cref="ISocialAccounts"/> for other modules: rules, then local rate limits, then a usable token, then the call.
/// A call the platform answers with an expired token is refreshed and tried once more.
/// </summary>
internal sealed class SocialAccountsGateway(
    SocialAccountsDbContext db, AccountTokens tokens, PlatformClientFactory clients, IContentRules rules, PlatformRateLimiter limiter, TimeProvider clock)
    : ISocialAccounts
{
    private static readonly TimeSpan LastSyncResolution = TimeSpan.FromMinutes(1);

    public async Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken)).Select(a => a.ToDto()).ToList();

    public async Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        var check = rules.Check(account.Platform, content);
        if (!check.IsValid)
        {
            throw new PlatformException(account.Platform, PlatformErrorKind.ContentRejected,
                string.Join(" ", check.Violations.Select(v => $"{v.Field}: {v.Reason}")), platformCode: "content-rules");
        }
        return await CallAsync(account, PlatformOperation.Publish, (client, credentials) => client.PublishAsync(credentials, content, cancellationToken), cancellationToken);
    }

    public async Task<PostMetrics> GetMetricsAsync(Guid accountId, string platformPostId, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        return await CallAsync(account, PlatformOperation.Read, (client, credentials) => client.GetMetricsAsync(credentials, platformPostId, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(Guid accountId, int limit, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(accountId, cancellationToken);
        return await CallAsync(account, PlatformOperation.Read, (client, credentials) => client.ListRecentPostsAsync(credentials, limit, cancellationToken), cancellationToken);
    }

    private async Task<T> CallAsync<T>(SocialAccount account, PlatformOperation operation, Func<IPlatformClient, AccountCredentials, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = clients.For(account.Platform);
        // An account that must be reconnected fails here, before it uses up a rate-limit permit.
        var credentials = await tokens.UsableCredentialsAsync(account, cancellationToken);
        await limiter.AcquireAsync(account.Platform, account.Id, operation, cancellationToken);
        T result;
        try
        {
            result = await call(client, credentials);
        }
        catch (PlatformException expired) when (expired.Kind == PlatformErrorKind.TokenExpired && account.RefreshTokenCipher is not null)
        {
            // The platform may expire a token before the time it announced: refresh now and try once more.
            await tokens.RefreshAsync(account, margin: null, cancellationToken);
            result = await call(client, await tokens.DecryptAsync(account, cancellationToken));
        }
        // Recorded at most once a minute: a write per publish would cost more than the call it records.
        var now = clock.GetUtcNow();
        if (account.LastSyncAt is not { } synced || now - synced >= LastSyncResolution)
        {
            account.LastSyncAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<SocialAccount> LoadAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw new KeyNotFoundException($"Social account {accountId} was not found.");
}

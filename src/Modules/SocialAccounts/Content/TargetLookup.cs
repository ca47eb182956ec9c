using Microsoft.Extensions.Caching.Memory;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Content;

/// <summary>
/// What a platform's target check may ask of the platform about one account: reads through <see cref="AccountCalls"/>
/// (no connection waits on the platform), optionally cached for <see cref="AccountTargetChecks.CacheFor"/>.
/// </summary>
internal sealed class TargetLookup(Guid tenantId, Guid accountId, AccountCalls calls, IMemoryCache cache)
{
    public Guid AccountId => accountId;

    /// <param name="check">Refuses the account before a rate-limit permit is taken (an account of another platform).</param>
    public Task<T> AskAsync<TClient, T>(Func<TClient, AccountCredentials, Task<T>> ask, CancellationToken cancellationToken, Action<SocialPlatform>? check = null)
        where TClient : IPlatformClient =>
        calls.CallAsync(accountId, PlatformOperation.Read, check, (client, credentials) => ask((TClient)client, credentials), cancellationToken);

    /// <summary>As <see cref="AskAsync"/>, answered from the cache when the same question about the account was asked lately.</summary>
    public async Task<T> CachedAsync<TClient, T>(
        string question, Func<TClient, AccountCredentials, Task<T>> ask, CancellationToken cancellationToken, Action<SocialPlatform>? check = null)
        where TClient : IPlatformClient
        where T : class
    {
        var key = (question, tenantId, accountId);
        if (cache.TryGetValue(key, out T? known) && known is not null)
        {
            return known;
        }
        var answer = await AskAsync(ask, cancellationToken, check);
        cache.Set(key, answer, AccountTargetChecks.CacheFor);
        return answer;
    }
}

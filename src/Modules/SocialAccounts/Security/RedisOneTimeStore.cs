using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.SocialAccounts.Security;

/// <summary>Redis: shared by every instance, taken with an atomic GETDEL, and outside the request's transaction.</summary>
internal sealed class RedisOneTimeStore(IConnectionMultiplexer redis, RedisNamespace keys) : IOneTimeStore
{
    public Task PutAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(Key(key), value, lifetime);

    public async Task<string?> TakeAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringGetDeleteAsync(Key(key));

    private RedisKey Key(string key) => keys.Key("social_accounts:once:" + key);
}

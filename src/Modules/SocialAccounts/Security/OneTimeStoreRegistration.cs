using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Caching;
using StackExchange.Redis;

namespace Platform.SocialAccounts.Security;

internal static class OneTimeStoreRegistration
{
    public static IServiceCollection AddOAuthState(this IServiceCollection services)
    {
        services.AddSingleton<MemoryOneTimeStore>();
        services.AddSingleton<IOneTimeStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisOneTimeStore(redis, sp.GetRequiredService<RedisNamespace>())
            : sp.GetRequiredService<MemoryOneTimeStore>());
        services.AddScoped<OAuthStateService>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Caching;
using Platform.SocialAccounts.Platforms;
using StackExchange.Redis;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>Registers the limiter with the limits in force, counted in Redis when there is one, in process otherwise.</summary>
internal static class RateLimitRegistration
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration, PlatformCatalog catalog)
    {
        var limits = PlatformLimits.From(catalog, configuration);
        services.AddSingleton<MemoryRateWindowStore>();
        services.AddSingleton<IRateWindowStore>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisRateWindowStore(redis, sp.GetRequiredService<RedisNamespace>())
            : sp.GetRequiredService<MemoryRateWindowStore>());
        services.AddSingleton(sp => new PlatformRateLimiter(sp.GetRequiredService<IRateWindowStore>(), sp.GetRequiredService<TimeProvider>(), limits));
        return services;
    }
}

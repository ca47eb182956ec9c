using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Caching;

public static class CacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TenantCache"/> and its invalidation across hosts (section <c>Cache</c>). Its second level is the
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> the host registers, when it has Redis.
    /// </summary>
    public static IServiceCollection AddTenantCache(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(TenantCache)))
        {
            return services;
        }
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CacheOptions>, CacheOptions.Validation>();
        services.AddHybridCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CacheInvalidation>();
        services.AddHostedService(provider => provider.GetRequiredService<CacheInvalidation>());
        services.AddScoped<TenantCache>();
        return services;
    }

    /// <summary>Makes every save through the context end the cached entries its rows feed.</summary>
    public static DbContextOptionsBuilder InvalidatesCache(this DbContextOptionsBuilder builder, IServiceProvider services, params CachedEntity[] entities) =>
        builder.AddInterceptors(new InvalidateCachedOnSave(services.GetRequiredService<CacheInvalidation>(), entities));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.SharedKernel.Tenancy;

namespace Platform.SharedKernel.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the scoped tenant context and unit of work. The host adds the NpgsqlDataSource.</summary>
    public static IServiceCollection AddDbSession(this IServiceCollection services)
    {
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.TryAddScoped<DbSession>();
        return services;
    }

    /// <summary>
    /// Registers a module's DbContext on the scope's <see cref="DbSession"/>: it has no connection of its
    /// own, so it can only reach the database inside the unit of work and under its tenant.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddDbSession();
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql()
            .UseSnakeCaseNamingConvention()
            .Options;
        services.AddSingleton(options);
        // Resolved once: finding the constructor by reflection on every request is measurable.
        var create = ActivatorUtilities.CreateFactory<TContext>([typeof(DbContextOptions<TContext>)]);
        services.AddScoped(sp =>
        {
            var context = create(sp, [options]);
            sp.GetRequiredService<DbSession>().Enlist(context);
            return context;
        });
        return services;
    }
}

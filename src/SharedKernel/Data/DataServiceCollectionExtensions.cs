using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    /// own, so it can only reach the database inside the unit of work and under its tenant. Contexts come
    /// from a pool: building one afresh (EF's scoped services, loggers, DbSets) cost more than the query.
    /// </summary>
    /// <param name="configure">Adds options that need application services, such as interceptors.</param>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, Action<DbContextOptionsBuilder<TContext>, IServiceProvider>? configure = null)
        where TContext : DbContext
    {
        services.AddDbSession();
        services.AddSingleton<IDbContextFactory<TContext>>(sp =>
        {
            var builder = new DbContextOptionsBuilder<TContext>()
                .UseNpgsql()
                .UseSnakeCaseNamingConvention()
                .AddInterceptors(SessionCommandInterceptor.Instance);
            configure?.Invoke(builder, sp);
            return new PooledDbContextFactory<TContext>(builder.Options);
        });
        services.AddScoped(sp =>
        {
            // Disposed with the scope, which hands it back to the pool.
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            sp.GetRequiredService<DbSession>().Enlist(context);
            return context;
        });
        return services;
    }
}

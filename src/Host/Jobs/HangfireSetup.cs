using Hangfire;
using Hangfire.PostgreSql;
using Platform.Host.Database;
using Platform.SharedKernel.Jobs;

namespace Platform.Host.Jobs;

internal static class HangfireSetup
{
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Platform")!;
        // Hangfire's servers take the activator from DI; registered first, it wins over the default one.
        services.AddSingleton<JobActivator>(provider => new TenantJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                // The migrator installs the schema as the owner; the app role has DML rights only.
                new PostgreSqlStorageOptions
                {
                    SchemaName = MigrationRunner.HangfireSchema,
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                })
            .UseActivator(provider.GetRequiredService<JobActivator>())
            .UseFilter(new TenantJobFilter())
            .UseFilter(new JobTelemetryFilter(provider.GetRequiredService<ILoggerFactory>())));

        services.AddHostedService<RecurringJobsRegistration>();
        if (configuration.GetValue("Hangfire:ServerEnabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = configuration.GetValue("Hangfire:WorkerCount", Math.Max(2, Environment.ProcessorCount * 2));
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }
        return services;
    }
}

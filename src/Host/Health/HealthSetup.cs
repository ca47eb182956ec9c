using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Platform.Host.Health;

internal static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddPlatformHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddNpgSql(configuration.GetConnectionString("Platform")!, name: "postgresql", tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            checks.AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: [Ready], timeout: TimeSpan.FromSeconds(3));
        }
        return services;
    }

    public static void MapPlatformHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    // Names and states only: exception messages can carry hosts and credentials.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
    }
}

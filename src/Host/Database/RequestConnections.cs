using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.Host.Database;

/// <summary>Configuration section <c>Database:Requests</c>: how much of the app pool requests may take, and how long they wait.</summary>
internal sealed class RequestConnectionOptions
{
    public const string Section = "Database:Requests";

    /// <summary>Connections of the app pool requests never take: the publishing dispatcher, the outbox and the listeners keep them.</summary>
    public int BackgroundReserve { get; set; } = 16;

    /// <summary>Longest wait of a request for a connection before it is answered 503 with Retry-After.</summary>
    public int WaitMilliseconds { get; set; } = 1000;
}

internal static class RequestConnections
{
    /// <summary>Registers <see cref="RequestConnectionAdmission"/> sized to the app pool (<c>Maximum Pool Size</c>) minus the reserve.</summary>
    public static IServiceCollection AddRequestConnectionAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        var poolSize = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Platform")).MaxPoolSize;
        services.AddOptions<RequestConnectionOptions>()
            .Bind(configuration.GetSection(RequestConnectionOptions.Section))
            .Validate(o => o.BackgroundReserve >= 1 && o.BackgroundReserve < poolSize,
                $"{RequestConnectionOptions.Section}:BackgroundReserve must be at least 1 and below the app pool's Maximum Pool Size ({poolSize}).")
            .Validate(o => o.WaitMilliseconds is >= 10 and <= 30_000,
                $"{RequestConnectionOptions.Section}:WaitMilliseconds must be between 10 and 30000.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RequestConnectionOptions>>().Value;
            return new RequestConnectionAdmission(poolSize - options.BackgroundReserve, TimeSpan.FromMilliseconds(options.WaitMilliseconds));
        });
        return services;
    }
}

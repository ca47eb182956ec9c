using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.SharedKernel.Telemetry;

namespace Platform.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host: ASP.NET Core's, HttpClient's, the runtime's, Npgsql's and the platform's own meters,
/// read by Prometheus at <c>/metrics</c>; with an OTLP endpoint, traces of requests, outgoing calls, database commands and
/// the platform's own spans (units of work, outbox handlers, jobs, publishing attempts) (see https://opentelemetry.io/docs/languages/dotnet/ and docs/adr/0016-telemetry.md).
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptions.Validation>();
        if (!IsEnabled(configuration))
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("platform"))
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformTelemetry.Name)
                // http.server.request.duration by route and status, from ASP.NET Core's own meters.
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // db.client.connection.count by pool and state (idle, used), db.client.connection.max, and more.
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (OtlpEndpoint(configuration) is { } endpoint)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(PlatformTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => context.Request.Path != MetricsPath)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(options => options.Endpoint = endpoint));
        }
        return services;
    }

    /// <summary>Where traces go: <c>Telemetry:Otlp:Endpoint</c>, else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; none, no tracing.</summary>
    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var configured = configuration[$"{TelemetryOptions.Section}:Otlp:Endpoint"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        }
        return Uri.TryCreate(configured, UriKind.Absolute, out var endpoint) ? endpoint : null;
    }

    /// <summary>Serves <c>/metrics</c> to the callers <see cref="MetricsEndpointOptions"/> allows; 403 to anybody else.</summary>
    public static void UsePlatformMetricsEndpoint(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null, predicate: null, path: MetricsPath,
            configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessMiddleware>(), optionsName: null);
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Enabled)}", true);
}

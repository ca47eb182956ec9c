using Microsoft.Extensions.Options;

namespace Platform.Host.Telemetry;

/// <summary>Section <c>Telemetry</c>: OpenTelemetry metrics at <c>/metrics</c>, traces to an OTLP collector (docs/adr/0016-telemetry.md).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Off: no meters or sources are listened to, <c>/metrics</c> is not served and nothing is exported.</summary>
    public bool Enabled { get; set; } = true;

    public MetricsEndpointOptions Metrics { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    public sealed class Validation : IValidateOptions<TelemetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
        {
            var failures = options.Metrics.Problems().ToList();
            if (options.Otlp.Endpoint is { Length: > 0 } endpoint &&
                !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                failures.Add($"{Section}:Otlp:Endpoint must be an http(s) URL such as http://collector:4317 (Telemetry__Otlp__Endpoint); it is '{endpoint}'.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

namespace Platform.Host.Telemetry;

/// <summary>
/// Section <c>Telemetry:Otlp</c>: where traces go. Unset, nothing is exported, unless the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable names a collector.
/// </summary>
internal sealed class OtlpOptions
{
    public string? Endpoint { get; set; }
}

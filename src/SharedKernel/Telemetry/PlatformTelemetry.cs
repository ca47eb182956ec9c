using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.SharedKernel.Telemetry;

/// <summary>
/// The platform's one meter and one activity source, both named <see cref="Name"/>: every module records its own
/// instruments (named <c>platform.&lt;area&gt;.&lt;what&gt;</c>) on them, so operators enable one name (docs/adr/0016-telemetry.md).
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "Platform";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource ActivitySource = new(Name);
}

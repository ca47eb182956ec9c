using System.Diagnostics;

namespace Platform.SharedKernel.Telemetry;

/// <summary>
/// Carries a trace across a hop through storage (an outbox row, a queued job) as a W3C <c>traceparent</c>
/// (https://www.w3.org/TR/trace-context/#traceparent-header), and starts the span that continues it on the other side.
/// </summary>
public static class TraceParent
{
    /// <summary>The current activity's traceparent, or null outside a W3C trace.</summary>
    public static string? Current() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;

    /// <summary>Starts a span continuing <paramref name="traceparent"/>; a root span when it is missing or malformed. Null when nobody listens.</summary>
    public static Activity? Continue(string name, ActivityKind kind, string? traceparent) =>
        traceparent is not null && ActivityContext.TryParse(traceparent, traceState: null, out var parent)
            ? PlatformTelemetry.ActivitySource.StartActivity(name, kind, parent)
            : PlatformTelemetry.ActivitySource.StartActivity(name, kind);
}

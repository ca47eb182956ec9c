using System.Text.Json;

namespace Platform.Host.Logging;

/// <summary>
/// The console log's format, and the ids every line carries: the trace and span of the current activity always; the JSON
/// format also writes the scopes (correlation id, tenant, user or API key) as properties of each line. See
/// https://learn.microsoft.com/dotnet/core/extensions/console-log-formatter.
/// </summary>
internal static class LoggingSetup
{
    public static void AddPlatformLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var format = builder.Configuration.GetSection(LogFormatOptions.Section).Get<LogFormatOptions>()?.Format ?? LogFormat.Text;
        if (format == LogFormat.Json)
        {
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
    }
}

namespace Platform.Host.Logging;

/// <summary><c>Logging:Format</c>: <see cref="LogFormat.Text"/> (the default) or <see cref="LogFormat.Json"/>.</summary>
internal sealed class LogFormatOptions
{
    public const string Section = "Logging";

    public LogFormat Format { get; set; } = LogFormat.Text;
}

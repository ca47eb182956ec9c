namespace Platform.Host.Logging;

/// <summary>How the console log is written.</summary>
internal enum LogFormat
{
    /// <summary>The console's readable text, for people at a terminal.</summary>
    Text,

    /// <summary>One JSON object a line with the request's scopes (tenant, user or API key, correlation and trace ids), for log collectors.</summary>
    Json,
}

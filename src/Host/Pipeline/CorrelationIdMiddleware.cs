using System.Text.RegularExpressions;
using Platform.Host.Logging;

namespace Platform.Host.Pipeline;

/// <summary>
/// Takes the caller's X-Correlation-Id when it is a sane token, or makes one; echoes it in the response,
/// puts it on every log line of the request (with the caller, once known: <see cref="RequestLogScope"/>), and in every problem details answer.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = SafeToken().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        });
        var scope = new RequestLogScope(correlationId);
        context.Features.Set(scope);
        using (logger.BeginScope(scope))
        {
            var started = TimeProvider.System.GetTimestamp();
            await next(context);
            Answered(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
                TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    // Generated: checks the level before boxing anything, so a quiet log costs nothing per request.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Answered(ILogger logger, string method, PathString path, int status, double elapsedMs);

    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex SafeToken();
}

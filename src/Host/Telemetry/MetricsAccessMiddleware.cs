using Microsoft.Extensions.Options;

namespace Platform.Host.Telemetry;

/// <summary>Stands in front of the Prometheus scraping endpoint: callers the options do not allow get a 403 problem.</summary>
internal sealed class MetricsAccessMiddleware(RequestDelegate next, IOptions<TelemetryOptions> options, IProblemDetailsService problems)
{
    private readonly MetricsAccessRule rule = new(options.Value.Metrics);

    public async Task InvokeAsync(HttpContext context)
    {
        if (rule.Allows(context.Connection.RemoteIpAddress, context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Metrics are not open to this caller",
                Detail = "Scrape from an address in Telemetry:Metrics:AllowedAddresses, with the bearer secret when one is set.",
            },
        });
    }
}

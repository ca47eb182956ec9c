using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.SharedKernel.Data;

namespace Platform.Host.Pipeline;

/// <summary>
/// A saturated connection pool is a temporary condition, not a bug: 503 problem details with Retry-After
/// (RFC 9110 §10.2.3), for a request refused by the admission and for any code that hit the pool's own timeout.
/// </summary>
internal sealed class DatabaseBusyHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var retryAfter = exception switch
        {
            DatabaseBusyException busy => busy.RetryAfter,
            // Npgsql's "connection pool has been exhausted" carries a TimeoutException.
            NpgsqlException { InnerException: TimeoutException } => RequestConnectionAdmission.RetryAfter,
            _ => (TimeSpan?)null,
        };
        if (retryAfter is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service busy",
                Detail = "Too many requests are using the database right now; nothing was changed. Try again after Retry-After.",
            },
            Exception = exception,
        });
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;

namespace Platform.Host.Pipeline;

/// <summary>
/// Turns every exception into RFC 9457 problem details. Known failures keep their status and message;
/// anything else is a bare 500: no stack trace, SQL or type name ever reaches the client.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ProblemException known => Problem(known.Status, known.Title, known.Detail, known.Extensions, known.Type),
            DbUpdateConcurrencyException => Problem(409, "Conflict", "Someone else changed this at the same time; load it again and retry."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem(413, "Payload too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException { InnerException: JsonException } or JsonException =>
                Problem(400, "Malformed JSON", "The request body is not valid JSON for this endpoint."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", "The request could not be read: check the body, its content type and the parameters."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                Problem(499, "Client closed request", "The client went away."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(500, "Internal server error", "Something went wrong on our side. Quote the correlation id when you report it.");
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(
        int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null, string? type = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;

namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>
/// Limits each caller of the API (and of the agents' endpoint, <see cref="ScopesCheckedPerCall"/>) to a number of requests per
/// minute: per API key or user when the credential is valid, per client address otherwise. Over the limit: 429 problem details with Retry-After in whole seconds.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, IRateLimitCounter counter, IOptions<RateLimitOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly int limit = options.Value.PermitsPerMinute;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        if (!context.Request.Path.StartsWithSegments("/api") && context.GetEndpoint()?.Metadata.GetMetadata<ScopesCheckedPerCall>() is null)
        {
            await next(context);
            return;
        }
        // A key counts on its own, not against the person who created it.
        var key = context.User.ApiKeyId() is { } apiKeyId ? "key:" + apiKeyId
            : context.User.UserId() is { } userId ? "user:" + userId
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var decision = await counter.HitAsync(key, limit, Window, context.RequestAborted);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = 429,
                Title = "Too many requests",
                Detail = $"At most {limit} requests a minute are allowed; try again in {seconds} s.",
            },
        });
    }
}

using Microsoft.AspNetCore.Http;

namespace Platform.PaymentServers.Stripe;

/// <summary>A JSON answer written exactly as stored, so an idempotent replay is the same bytes as the first answer.</summary>
public sealed record StripeAnswer(int Status, string Json, IReadOnlyDictionary<string, string> Headers) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            httpContext.Response.Headers[name] = value;
        }
        httpContext.Response.ContentType = "application/json";
        return httpContext.Response.WriteAsync(Json);
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace Platform.Host.Pipeline;

/// <summary>
/// Refuses bodies over <c>Http:MaxRequestBodyBytes</c> before anything reads them: at once when the declared
/// length is too big, otherwise through the server's own limit while the body streams in.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long limit = configuration.GetValue<long>("Http:MaxRequestBodyBytes", 1_048_576);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next(context);
    }
}

using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>
/// Refuses bodies over <see cref="HttpLimitsOptions.MaxRequestBodyBytes"/> before anything reads them: at once when the declared
/// length is too big, otherwise through the server's own limit while the body streams in.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<HttpLimitsOptions> options)
{
    private readonly long limit = options.Value.MaxRequestBodyBytes;

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

using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>
/// Refuses bodies over <see cref="HttpLimitsOptions.MaxRequestBodyBytes"/> before anything reads them: at once when the declared
/// length is too big, otherwise through the server's own limit while the body streams in. An endpoint that takes larger bodies
/// (media uploads) says so with <see cref="IRequestSizeLimitMetadata"/>.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<HttpLimitsOptions> options)
{
    private readonly long defaultLimit = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
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

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Platform.Media.Features.UploadMedia;

/// <summary>Lets upload bodies past the host's general limit, up to the largest file a kind may have plus the form's framing.</summary>
internal sealed class MediaUploadSizeLimit(IOptions<MediaOptions> options) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => options.Value.MaxUploadBodyBytes;
}

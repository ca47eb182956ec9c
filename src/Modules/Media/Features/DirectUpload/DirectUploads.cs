using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Media.Storage;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Features.DirectUpload;

internal static class DirectUploads
{
    /// <summary>
    /// The store's presigned uploads, or 409 where this installation's store cannot give any (the local disk store): a
    /// state of the installation the client can do nothing about but use the other upload.
    /// </summary>
    public static IDirectUploadStore Store(HttpContext context) =>
        context.RequestServices.GetService<IDirectUploadStore>()
        ?? throw new ProblemException(409, "Direct uploads need S3",
            "This installation keeps media on local disk, which takes no presigned uploads: send the file to POST /api/v1/media, or configure Media:S3.");
}

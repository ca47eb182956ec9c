using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Media.Data;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Media.Features.DirectUpload;

/// <summary>What the steps of a direct upload (start, complete) share: how they are mapped, the store, the clean-up.</summary>
internal static class DirectUploads
{
    /// <summary>
    /// Maps a step for editors. A step opens its own short units of work, so no database connection is held while the
    /// store is asked.
    /// </summary>
    public static RouteHandlerBuilder MapStep(this IEndpointRouteBuilder media, string pattern, Delegate handler) =>
        media.MapPost(pattern, handler)
            .WithOwnUnitsOfWork()
            .RequireAuthorization(Policies.Editor);

    /// <summary>
    /// The store's presigned uploads, or 409 where this installation's store cannot give any (the local disk store): a
    /// state of the installation the client can do nothing about but use the other upload.
    /// </summary>
    public static IDirectUploadStore Store(HttpContext context) =>
        context.RequestServices.GetService<IDirectUploadStore>()
        ?? throw new ProblemException(409, "Direct uploads need S3",
            "This installation keeps media on local disk, which takes no presigned uploads: send the file to POST /api/v1/media, or configure Media:S3.");

    /// <summary>
    /// Drops a multipart upload's parts, never failing the caller for it: a store that keeps them anyway is left to the
    /// bucket's own clean-up of incomplete multipart uploads
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpu-abort-incomplete-mpu-lifecycle-config.html).
    /// </summary>
    public static async Task TryAbortAsync(IDirectUploadStore store, PendingUpload upload, ILogger logger)
    {
        if (upload.MultipartUploadId is not { } uploadId)
        {
            return;
        }
        try
        {
            await store.AbortMultipartAsync(upload.ObjectKey, uploadId, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The multipart upload of {Key} could not be aborted; its parts stay until the bucket's clean-up", upload.ObjectKey);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Features.DownloadFile;

/// <summary>
/// Serves objects of the local disk store to whoever holds a signed, unexpired URL from the API (as a presigned S3 URL
/// would), so it needs no token and touches no database. Mapped only when the local store is in use.
/// </summary>
internal static class DownloadFileEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapGet("/files", Handle)
            .AllowAnonymous()
            .WithOwnUnitsOfWork()
            .WithName("DownloadMediaFile")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static IResult Handle(string key, long expires, string signature, LocalDiskMediaStore store, LocalUrlSigner signer)
    {
        switch (signer.Check(key, expires, signature))
        {
            case LocalUrlCheck.BadSignature:
                throw ProblemException.Forbidden("The download URL's signature does not match: ask the API for a new URL.");
            case LocalUrlCheck.Expired:
                throw ProblemException.Forbidden("The download URL has expired: ask the API for a new one.");
        }
        var file = ObjectKeys.IsWellFormed(key) ? store.Find(key) : null;
        if (file is null)
        {
            throw ProblemException.NotFound("The file");
        }
        return Results.File(file.FullName, ContentTypeOf(key));
    }

    // Objects carry no metadata on disk: thumbnails are JPEG, originals are served as bytes to save, never rendered by type.
    private static string ContentTypeOf(string key) => key.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/octet-stream";
}

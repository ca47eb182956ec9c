using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Features.DownloadFile;

/// <summary>
/// Serves an object to whoever holds a signed, unexpired URL from the host (as a presigned S3 URL would), so it needs no
/// token and touches no database: local-store downloads, and the URLs platforms pull published library items from.
/// </summary>
internal static class DownloadFileEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapGet("/files", HandleAsync)
            .AllowAnonymous()
            .WithOwnUnitsOfWork()
            .WithName("DownloadMediaFile")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        string key, long expires, string signature, IMediaStore store, LocalUrlSigner signer, CancellationToken cancellationToken)
    {
        switch (signer.Check(key, expires, signature))
        {
            case LocalUrlCheck.BadSignature:
                throw ProblemException.Forbidden("The download URL's signature does not match: ask the API for a new URL.");
            case LocalUrlCheck.Expired:
                throw ProblemException.Forbidden("The download URL has expired: ask the API for a new one.");
        }
        var stored = ObjectKeys.IsWellFormed(key) ? await store.OpenReadAsync(key, cancellationToken) : null;
        if (stored is null)
        {
            throw ProblemException.NotFound("The file");
        }
        return Results.Stream(stored.Content, stored.ContentType, enableRangeProcessing: stored.Content.CanSeek);
    }
}

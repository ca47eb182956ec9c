using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Media.Data;
using Platform.Media.Detection;
using Platform.Media.Features.Shared;
using Platform.Media.Features.UploadMedia;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Tenancy;

namespace Platform.Media.Features.DirectUpload;

/// <summary>
/// Turns a directly uploaded object into a library item (a multipart upload is first completed from the parts the client
/// reports; parts the store refuses abort it), deciding its type from its first bytes as an upload through the
/// host does. An object that fails a check (type, size, kind limit, quota) is deleted with its upload; one that was never
/// sent answers 409 and may still be sent until the URL expires (then 410). No connection is held while objects are read.
/// </summary>
internal static class CompleteDirectUploadEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapStep("/uploads/{id:guid}/complete", HandleAsync)
            .WithName("CompleteDirectUpload")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Checks the sent file and adds it to the library; a file that fails a check is deleted.")
            .Produces<MediaView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        Guid id, CompleteDirectUploadRequest? request, HttpContext context, ITenantContext tenant, IMediaStore store, UploadReader reader,
        MediaInspector inspector, IServiceScopeFactory scopes, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var uploads = DirectUploads.Store(context);
        var logger = loggers.CreateLogger(typeof(CompleteDirectUploadEndpoint));
        var tenantId = tenant.RequiredTenantId;
        var altText = MediaItem.NormalizeAltText(request?.AltText);
        var upload = await scopes.RunAsync(tenantId,
            services => services.GetRequiredService<MediaDbContext>().Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken),
            cancellationToken) ?? throw ProblemException.NotFound("The upload");
        if (upload.IsMultipart)
        {
            await CompletePartsAsync(uploads, store, scopes, upload, request?.Parts, time.GetUtcNow(), logger, cancellationToken);
        }

        var storedBytes = await uploads.SizeOfAsync(upload.ObjectKey, cancellationToken);
        switch (upload.Check(storedBytes, time.GetUtcNow()))
        {
            case UploadArrival.NotSent:
                throw ProblemException.Conflict("Nothing has been sent yet: PUT the file to the upload URL, then complete the upload.");
            case UploadArrival.Expired:
                await DiscardAsync(scopes, store, uploads, upload, thumbnailKey: null, logger);
                throw new ProblemException(410, "Upload expired", "The upload URL has expired; start a new upload.");
            case UploadArrival.SizeDiffers:
                await DiscardAsync(scopes, store, uploads, upload, thumbnailKey: null, logger);
                throw ProblemException.Unprocessable($"{storedBytes} bytes were sent where {upload.DeclaredBytes} were declared; start a new upload.");
        }

        string? thumbnailKey = null;
        var completedElsewhere = false;
        try
        {
            // The first bytes decide, before the whole object is read.
            var sniffed = MediaSniffer.Sniff(await uploads.ReadStartAsync(upload.ObjectKey, MediaSniffer.HeaderLength, cancellationToken));
            if (sniffed.Type is null)
            {
                throw UploadReader.Unsupported(sniffed);
            }
            var stored = await store.OpenReadAsync(upload.ObjectKey, cancellationToken)
                ?? throw ProblemException.Conflict("Nothing has been sent yet: PUT the file to the upload URL, then complete the upload.");
            await using var content = stored.Content;
            await using var file = await reader.ReceiveAsync(content, cancellationToken);
            var inspection = await inspector.InspectAsync(file.Type, file.Content, cancellationToken);
            if (inspection.ThumbnailJpeg is { } jpeg)
            {
                thumbnailKey = ObjectKeys.Thumbnail(tenantId, id);
                using var thumbnail = new MemoryStream(jpeg, writable: false);
                await store.PutAsync(thumbnailKey, thumbnail, "image/jpeg", cancellationToken);
            }
            var item = MediaItem.Create(id, tenantId, inspection.Media, file.ChecksumSha256, altText, upload.ObjectKey, thumbnailKey, upload.CreatedBy, time.GetUtcNow());
            await scopes.RunAsync(tenantId, async services =>
            {
                var db = services.GetRequiredService<MediaDbContext>();
                // Claiming the upload by deleting it: of two completes racing, one adds the item and the other leaves its objects alone.
                if (await db.Uploads.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
                {
                    completedElsewhere = true;
                    throw ProblemException.Conflict("The upload was completed by another request.");
                }
                var (outcome, usage) = await services.GetRequiredService<MediaUsageLedger>().TryAddAsync(tenantId, item.SizeBytes, cancellationToken);
                if (outcome != QuotaOutcome.Fits)
                {
                    throw usage.Refusal(outcome, item.SizeBytes);
                }
                db.Items.Add(item);
                await db.SaveChangesAsync(cancellationToken);
                await services.GetRequiredService<Outbox>().AddAsync([item.Ready()], cancellationToken);
                return true;
            }, cancellationToken);
            return Results.Created($"/api/v1/media/{id}", context.RequestServices.GetRequiredService<MediaLinks>().View(item));
        }
        catch (ProblemException) when (!completedElsewhere)
        {
            // The file failed a check: it never becomes an item, so neither its bytes nor its upload are kept.
            await DiscardAsync(scopes, store, uploads, upload, thumbnailKey, logger);
            throw;
        }
    }

    /// <summary>
    /// Joins the parts into the object: 400 (nothing changes) unless every part is reported once with its ETag, 410 once
    /// the URLs have expired, 422 (the upload aborted and removed) when the store refuses the parts.
    /// </summary>
    private static async Task CompletePartsAsync(
        IDirectUploadStore uploads, IMediaStore store, IServiceScopeFactory scopes, PendingUpload upload, IReadOnlyList<CompletedPart>? parts,
        DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (upload.IsExpired(now))
        {
            await DiscardAsync(scopes, store, uploads, upload, thumbnailKey: null, logger);
            throw new ProblemException(410, "Upload expired", "The upload URLs have expired; start a new upload.");
        }
        if (parts is null || parts.Any(p => p is null || string.IsNullOrWhiteSpace(p.ETag)) || !upload.HasAllParts(parts.Select(p => p.PartNumber)))
        {
            throw ProblemException.BadRequest(
                $"This file was sent in {upload.PartCount} parts: list each in 'parts' once, numbered 1 to {upload.PartCount}, with the ETag its PUT answered.");
        }
        var completion = await uploads.CompleteMultipartAsync(upload.ObjectKey, upload.MultipartUploadId!,
            parts.Select(p => new SentPart(p.PartNumber, p.ETag!)).ToList(), cancellationToken);
        if (completion.Outcome == MultipartCompletionOutcome.Refused)
        {
            await DiscardAsync(scopes, store, uploads, upload, thumbnailKey: null, logger);
            throw ProblemException.Unprocessable($"The storage refused the parts ({completion.Reason}); start a new upload.");
        }
        // NoSuchUpload: an earlier complete joined the parts; the object is checked below as if this one had.
    }

    private static async Task DiscardAsync(
        IServiceScopeFactory scopes, IMediaStore store, IDirectUploadStore uploads, PendingUpload upload, string? thumbnailKey, ILogger logger)
    {
        await DirectUploads.TryAbortAsync(uploads, upload, logger);
        foreach (var key in new[] { upload.ObjectKey, thumbnailKey }.OfType<string>())
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        await scopes.RunAsync(upload.TenantId,
            services => services.GetRequiredService<MediaDbContext>().Uploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(CancellationToken.None),
            CancellationToken.None);
    }
}

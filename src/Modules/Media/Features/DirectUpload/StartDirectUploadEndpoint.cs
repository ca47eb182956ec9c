using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Media.Data;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Tenancy;

namespace Platform.Media.Features.DirectUpload;

/// <summary>
/// Hands out presigned URLs for a large file, so its bytes go straight to object storage: one PUT URL, or from
/// <c>Media:Uploads:MultipartThresholdBytes</c> up a multipart upload with one URL per part. The declared size must be
/// under the largest kind's limit and fit what is left of the quota; the file is typed and counted when it is completed.
/// The store's multipart upload is started with no database connection held, and aborted if the upload is not recorded.
/// </summary>
internal static class StartDirectUploadEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapStep("/uploads", HandleAsync)
            .WithName("StartDirectUpload")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Answers a presigned PUT URL for one file of the declared size, or one per part for a large file; then PUT the bytes and complete the upload.")
            .Produces<DirectUploadView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> HandleAsync(
        StartDirectUploadRequest request, HttpContext context, ITenantContext tenant, IOptions<MediaOptions> options, IServiceScopeFactory scopes,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var store = DirectUploads.Store(context);
        var tenantId = tenant.RequiredTenantId;
        var userId = tenant.UserId ?? throw new InvalidOperationException("An upload needs a signed-in user.");
        if (request.SizeBytes < 1)
        {
            throw ProblemException.BadRequest("'sizeBytes' must be the file's size, at least 1.");
        }
        var largest = options.Value.MaxBytes.Values.Max();
        if (request.SizeBytes > largest)
        {
            throw new ProblemException(413, "File too large", $"Files may be at most {largest} bytes (each kind has its own limit).",
                new Dictionary<string, object?> { ["maxBytes"] = largest });
        }
        var id = Guid.CreateVersion7();
        var key = ObjectKeys.Original(tenantId, id);
        var now = time.GetUtcNow();
        var uploads = options.Value.Uploads;
        var upload = request.SizeBytes >= uploads.MultipartThresholdBytes
            ? PendingUpload.StartMultipart(id, tenantId, request.SizeBytes, key, userId, now, options.Value.DirectUploadLifetime,
                await store.StartMultipartAsync(key, cancellationToken), uploads.PartSizeBytes)
            : PendingUpload.Start(id, tenantId, request.SizeBytes, key, userId, now, options.Value.DirectUploadLifetime);
        try
        {
            await RecordAsync(scopes, upload, cancellationToken);
        }
        catch when (upload.IsMultipart)
        {
            await DirectUploads.TryAbortAsync(store, upload, loggers.CreateLogger(typeof(StartDirectUploadEndpoint)));
            throw;
        }
        var view = upload.IsMultipart
            ? new DirectUploadView(id, null, "PUT", upload.DeclaredBytes, upload.ExpiresAt, upload.PartSizeBytes,
                Enumerable.Range(1, upload.PartCount).Select(n => new UploadPartView(n, store.PartUploadUrl(key, upload.MultipartUploadId!, n, upload.ExpiresAt))).ToList())
            : new DirectUploadView(id, store.UploadUrl(key, upload.ExpiresAt), "PUT", upload.DeclaredBytes, upload.ExpiresAt, null, []);
        return Results.Created($"/api/v1/media/uploads/{id}", view);
    }

    private static Task RecordAsync(IServiceScopeFactory scopes, PendingUpload upload, CancellationToken cancellationToken) =>
        scopes.RunAsync(upload.TenantId, async services =>
        {
            var tenantId = upload.TenantId;
            // Not a reservation: completing counts the file with the guarded add, as an upload through the host does.
            var usage = await services.GetRequiredService<MediaUsageLedger>().ReadAsync(tenantId, cancellationToken);
            if (usage.Admit(upload.DeclaredBytes) is var outcome and not QuotaOutcome.Fits)
            {
                throw usage.Refusal(outcome, upload.DeclaredBytes);
            }
            var db = services.GetRequiredService<MediaDbContext>();
            db.Uploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Media.Features.Shared;
using Platform.Media.Quotas;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Media.Features.UploadMedia;

/// <summary>
/// Stores one file in the tenant's library. The body streams to a temporary file while its type is sniffed and its size
/// capped; the bytes go to object storage with no database connection held; then one short unit of work counts the file
/// against the quota (a guarded UPDATE) and records it. Whatever fails leaves no object, no row and the usage unchanged.
/// </summary>
internal static class UploadMediaEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapPost("/", HandleAsync)
            .WithOwnUnitsOfWork()
            .WithMetadata(new MediaUploadSizeLimit(media.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>()))
            .RequireAuthorization(Policies.Editor)
            .DisableAntiforgery()
            .WithName("UploadMedia")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<MediaView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(
        HttpRequest request, ITenantContext tenant, UploadReader reader, LibraryWriter writer, UploadDatabaseQueue database,
        CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var userId = tenant.UserId ?? throw new InvalidOperationException("An upload needs a signed-in user.");
        await RefuseEarlyWhenFullAsync(database, tenantId, request.ContentLength, cancellationToken);

        var upload = await reader.ReadAsync(request, cancellationToken);
        await using var file = upload.File;
        var item = await writer.AddAsync(tenantId, userId, file, upload.AltText, cancellationToken);
        var view = request.HttpContext.RequestServices.GetRequiredService<MediaLinks>().View(item);
        return Results.Created($"/api/v1/media/{item.Id}", view);
    }

    // Before reading a byte: a full library, or a body larger than what is left, is refused at once.
    private static async Task RefuseEarlyWhenFullAsync(UploadDatabaseQueue database, Guid tenantId, long? contentLength, CancellationToken cancellationToken)
    {
        var usage = await database.RunAsync(tenantId, services => services.GetRequiredService<MediaUsageLedger>().ReadAsync(tenantId, cancellationToken), cancellationToken);
        var outcome = usage.Admit(1);
        if (outcome == QuotaOutcome.Fits && contentLength is { } length && usage.UsedBytes + length > usage.MaxBytes + 64 * 1024)
        {
            // The body includes the form's framing, so only a body clearly past the rest of the quota is refused here.
            outcome = QuotaOutcome.TooManyBytes;
        }
        if (outcome != QuotaOutcome.Fits)
        {
            throw usage.Refusal(outcome, contentLength ?? 1);
        }
    }
}

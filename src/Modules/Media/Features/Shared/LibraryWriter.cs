using Microsoft.Extensions.DependencyInjection;
using Platform.Media.Data;
using Platform.Media.Detection;
using Platform.Media.Features.UploadMedia;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;

namespace Platform.Media.Features.Shared;

/// <summary>
/// Turns a received file into a library item: inspects it, stores its bytes and thumbnail with no database connection
/// held, then counts it against the quota (a guarded UPDATE) and records it in one short unit of work. Whatever fails
/// leaves no object, no row and the usage unchanged.
/// </summary>
internal sealed class LibraryWriter(MediaInspector inspector, IMediaStore store, IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task<MediaItem> AddAsync(Guid tenantId, Guid createdBy, ReceivedFile file, string? altText, CancellationToken cancellationToken)
    {
        var inspection = inspector.Inspect(file.Type, file.Content);
        var id = Guid.CreateVersion7();
        var objectKey = ObjectKeys.Original(tenantId, id);
        var thumbnailKey = inspection.ThumbnailJpeg is null ? null : ObjectKeys.Thumbnail(tenantId, id);
        var stored = new List<string>();
        try
        {
            await store.PutAsync(objectKey, file.Content, file.Type.ContentType, cancellationToken);
            stored.Add(objectKey);
            if (thumbnailKey is not null)
            {
                using var thumbnail = new MemoryStream(inspection.ThumbnailJpeg!, writable: false);
                await store.PutAsync(thumbnailKey, thumbnail, "image/jpeg", cancellationToken);
                stored.Add(thumbnailKey);
            }
            var item = MediaItem.Create(id, tenantId, inspection.Media, file.ChecksumSha256, altText, objectKey, thumbnailKey, createdBy, time.GetUtcNow());
            await scopes.RunAsync(tenantId, async services =>
            {
                var (outcome, usage) = await services.GetRequiredService<MediaUsageLedger>().TryAddAsync(tenantId, item.SizeBytes, cancellationToken);
                if (outcome != QuotaOutcome.Fits)
                {
                    throw usage.Refusal(outcome, item.SizeBytes);
                }
                var db = services.GetRequiredService<MediaDbContext>();
                db.Items.Add(item);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
            stored.Clear();
            return item;
        }
        finally
        {
            foreach (var key in stored)
            {
                // Stored, then refused: take the bytes back, even if the caller has gone.
                await store.DeleteAsync(key, CancellationToken.None);
            }
        }
    }
}

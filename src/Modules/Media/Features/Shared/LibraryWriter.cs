using Microsoft.Extensions.DependencyInjection;
using Platform.Media.Data;
using Platform.Media.Detection;
using Platform.Media.Features.UploadMedia;
using Platform.Media.Quotas;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;

namespace Platform.Media.Features.Shared;

/// <summary>
/// Turns a received file into a library item: inspects it when the inspection queue gives it a turn, reserves its quota
/// in one short statement, stores its bytes and thumbnail with no database connection held, then records it in one short
/// unit of work. Whatever fails leaves no object, no row and the usage unchanged.
/// </summary>
internal sealed class LibraryWriter(MediaInspector inspector, IMediaStore store, QuotaReservations quota, UploadDatabaseQueue database, TimeProvider time)
{
    public async Task<MediaItem> AddAsync(Guid tenantId, Guid createdBy, ReceivedFile file, string? altText, CancellationToken cancellationToken)
    {
        var inspection = await inspector.InspectAsync(file.Type, file.Content, cancellationToken);
        var id = Guid.CreateVersion7();
        var objectKey = ObjectKeys.Original(tenantId, id);
        var thumbnailKey = inspection.ThumbnailJpeg is null ? null : ObjectKeys.Thumbnail(tenantId, id);
        var item = MediaItem.Create(id, tenantId, inspection.Media, file.ChecksumSha256, altText, objectKey, thumbnailKey, createdBy, time.GetUtcNow());
        await quota.ReserveAsync(tenantId, item.SizeBytes, cancellationToken);
        var stored = new List<string>();
        var recorded = false;
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
            await database.RunAsync(tenantId, async services =>
            {
                var db = services.GetRequiredService<MediaDbContext>();
                db.Items.Add(item);
                await db.SaveChangesAsync(cancellationToken);
                await services.GetRequiredService<Outbox>().AddAsync([item.Ready()], cancellationToken);
                return true;
            }, cancellationToken);
            recorded = true;
            return item;
        }
        finally
        {
            if (!recorded)
            {
                // Reserved and stored, then failed: take the bytes and the quota back, even if the caller has gone.
                foreach (var key in stored)
                {
                    await store.DeleteAsync(key, CancellationToken.None);
                }
                await quota.ReleaseAsync(tenantId, item.SizeBytes);
            }
        }
    }
}

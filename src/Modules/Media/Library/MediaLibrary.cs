using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Media.Contracts;
using Platform.Media.Data;
using Platform.Media.Features.Shared;
using Platform.Media.Features.UploadMedia;
using Platform.Media.Storage;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Media.Library;

/// <summary>The current tenant's library as other modules see it (<see cref="IMediaLibrary"/>).</summary>
internal sealed class MediaLibrary(
    DbSession session, IServiceProvider services, IServiceScopeFactory scopes, ITenantContext tenant, SignedFileUrls urls, IOptions<MediaOptions> options,
    TimeProvider time, UploadReader reader, LibraryWriter writer)
    : IMediaLibrary
{
    public async Task<IReadOnlyDictionary<Guid, LibraryMedia>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await ItemsAsync(ids, cancellationToken)).ToDictionary(i => i.Id, Describe);

    public async Task<IReadOnlyDictionary<Guid, PublishableMedia>> ResolveForPublishingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(ids, cancellationToken);
        var expiresAt = time.GetUtcNow().Add(options.Value.PublishUrlLifetime);
        return items.ToDictionary(i => i.Id, i => new PublishableMedia(Describe(i), urls.For(i.ObjectKey, expiresAt, options.Value.PublicBaseUrl), expiresAt));
    }

    public async Task<LibraryMedia> StoreAsync(byte[] content, string? altText, Guid createdBy, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        // The same path as an upload's file part: typed from its first bytes, capped at its kind's limit.
        await using var file = await reader.ReceiveAsync(body, cancellationToken);
        return Describe(await writer.AddAsync(tenant.RequiredTenantId, createdBy, file, MediaItem.NormalizeAltText(altText), cancellationToken));
    }

    private async Task<List<MediaItem>> ItemsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var wanted = ids.Distinct().ToArray();
        if (session.IsActive)
        {
            // FOR SHARE: a delete (which locks the row FOR UPDATE, then asks whether posts use it) waits for this unit of work.
            return await services.GetRequiredService<MediaDbContext>().Items.FromSql($"SELECT * FROM media.items WHERE id = ANY({wanted}) FOR SHARE").ToListAsync(cancellationToken);
        }
        return await scopes.RunAsync(tenant.RequiredTenantId,
            own => own.GetRequiredService<MediaDbContext>().Items.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToListAsync(cancellationToken),
            cancellationToken);
    }

    private static LibraryMedia Describe(MediaItem item) =>
        new(item.Id, item.Kind, item.ContentType, item.SizeBytes, item.DurationSeconds, item.AltText);
}

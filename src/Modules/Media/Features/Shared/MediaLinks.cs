using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Media.Data;
using Platform.Media.Storage;

namespace Platform.Media.Features.Shared;

/// <summary>Turns items into views whose download URLs expire after <see cref="MediaOptions.DownloadUrlLifetime"/>.</summary>
internal sealed class MediaLinks(IMediaStore store, IOptions<MediaOptions> options, TimeProvider time, IHttpContextAccessor http)
{
    public MediaView View(MediaItem item)
    {
        var expiresAt = time.GetUtcNow().Add(options.Value.DownloadUrlLifetime);
        var request = http.HttpContext?.Request;
        var context = new HttpRequestContext(request?.Scheme ?? "http", request?.Host.Value ?? "localhost", request?.PathBase.Value ?? string.Empty);
        return new MediaView(item.Id, item.Kind, item.ContentType, item.SizeBytes, item.Width, item.Height, item.DurationSeconds,
            item.ChecksumSha256, item.AltText, item.CreatedBy, item.CreatedAt,
            store.DownloadUrl(item.ObjectKey, expiresAt, context),
            item.ThumbnailKey is null ? null : store.DownloadUrl(item.ThumbnailKey, expiresAt, context),
            expiresAt);
    }
}

using Platform.Media.Contracts;
using Platform.Posts.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>
/// Right before a platform call, swaps each library reference in the content for a URL the platform can fetch (signed on
/// the media module's public address) and the item's facts as they are now (its alt text may have changed since).
/// </summary>
internal static class LibraryMediaResolution
{
    /// <returns>The content to send, and the ids of items no longer in the library (then nothing should be sent).</returns>
    public static async Task<(PostContent Content, IReadOnlyList<Guid> Missing)> ResolveAsync(IMediaLibrary library, PostContent content, CancellationToken cancellationToken)
    {
        var ids = content.MediaItems.Select(m => LibraryMediaReference.TryParse(m.Url, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return (content, []);
        }
        var resolved = await library.ResolveForPublishingAsync(ids, cancellationToken);
        var missing = ids.Where(id => !resolved.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return (content, missing);
        }
        var media = content.MediaItems.Select(m => LibraryMediaReference.TryParse(m.Url, out var id) ? ToMediaItem(resolved[id]) : m).ToList();
        return (content with { Media = media }, []);
    }

    private static MediaItem ToMediaItem(PublishableMedia media) => new(
        media.Url.AbsoluteUri, Enum.Parse<SocialAccounts.Contracts.MediaKind>(media.Item.Kind.ToString()), media.Item.ContentType, media.Item.SizeBytes,
        media.Item.AltText, media.Item.DurationSeconds);
}

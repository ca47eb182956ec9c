namespace Platform.Media.Contracts;

/// <summary>
/// The current tenant's media library, for other modules. Ids of another tenant's items or of deleted ones are simply
/// absent from the answers. Inside a unit of work the caller's transaction is used; outside, a short one of its own.
/// </summary>
public interface IMediaLibrary
{
    /// <summary>
    /// The items found among <paramref name="ids"/>. In a unit of work the rows stay locked against deletion until it
    /// commits, so whatever the caller saves about them cannot race a delete.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, LibraryMedia>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The items found among <paramref name="ids"/> with URLs on the public base address, signed for the publish URL lifetime.</summary>
    Task<IReadOnlyDictionary<Guid, PublishableMedia>> ResolveForPublishingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a file made elsewhere (a generated image) to the current tenant's library, typed and checked from its bytes and
    /// counted against the quota as an upload is. Refusals are problems (415, 413, 422, 409); nothing is kept then.
    /// Call it outside any unit of work: the bytes are stored with no connection held.
    /// </summary>
    Task<LibraryMedia> StoreAsync(byte[] content, string? altText, Guid createdBy, CancellationToken cancellationToken);
}

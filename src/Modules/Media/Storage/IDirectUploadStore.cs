namespace Platform.Media.Storage;

/// <summary>A store clients can send bytes to directly, with presigned URLs, without passing them through the host.</summary>
internal interface IDirectUploadStore
{
    /// <summary>A URL that accepts one PUT of the object's bytes until <paramref name="expiresAt"/>.</summary>
    Uri UploadUrl(string key, DateTimeOffset expiresAt);

    /// <summary>The stored object's size, or null when nothing is stored under the key.</summary>
    Task<long?> SizeOfAsync(string key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> leading bytes of the object.</summary>
    Task<byte[]> ReadStartAsync(string key, int count, CancellationToken cancellationToken);

    /// <summary>Starts a multipart upload of the object; answers the store's upload id.</summary>
    Task<string> StartMultipartAsync(string key, CancellationToken cancellationToken);

    /// <summary>A URL that accepts one PUT of part <paramref name="partNumber"/> of the multipart upload until <paramref name="expiresAt"/>.</summary>
    Uri PartUploadUrl(string key, string uploadId, int partNumber, DateTimeOffset expiresAt);

    /// <summary>Joins the sent parts into the object, or says why the store would not.</summary>
    Task<MultipartCompletion> CompleteMultipartAsync(string key, string uploadId, IReadOnlyList<SentPart> parts, CancellationToken cancellationToken);

    /// <summary>Drops the multipart upload and the parts sent to it; one that no longer exists is not an error.</summary>
    Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken);
}

namespace Platform.Media.Storage;

/// <summary>A store clients can send bytes to directly, with a presigned URL, without passing them through the host.</summary>
internal interface IDirectUploadStore
{
    /// <summary>A URL that accepts one PUT of the object's bytes until <paramref name="expiresAt"/>.</summary>
    Uri UploadUrl(string key, DateTimeOffset expiresAt);

    /// <summary>The stored object's size, or null when nothing is stored under the key.</summary>
    Task<long?> SizeOfAsync(string key, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> leading bytes of the object.</summary>
    Task<byte[]> ReadStartAsync(string key, int count, CancellationToken cancellationToken);
}

namespace Platform.Media.Storage;

/// <summary>Where the bytes of library items live. Keys come only from <see cref="ObjectKeys"/>.</summary>
internal interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> (seekable, read from its start) under <paramref name="key"/>.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>A URL that downloads the object until <paramref name="expiresAt"/>, with no other credential.</summary>
    Uri DownloadUrl(string key, DateTimeOffset expiresAt, HttpRequestContext request);

    /// <summary>The object's bytes and type, or null when there is no such object.</summary>
    Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken);
}

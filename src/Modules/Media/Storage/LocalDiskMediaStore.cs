namespace Platform.Media.Storage;

/// <summary>Objects as files under one folder, for running without an S3 service; downloads go through the host, signed.</summary>
internal sealed class LocalDiskMediaStore(string root, SignedFileUrls urls) : IMediaStore
{

    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        content.Position = 0;
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        // A reader never sees half an object: the file appears under its key only once complete.
        File.Move(partial, path, overwrite: true);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Uri DownloadUrl(string key, DateTimeOffset expiresAt, HttpRequestContext request) =>
        urls.For(key, expiresAt, $"{request.Scheme}://{request.Host}{request.PathBase}");

    public Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var file = Find(key);
        // Objects carry no metadata on disk: thumbnails are JPEG, originals are served as bytes to save.
        var contentType = key.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/octet-stream";
        return Task.FromResult(file is null ? null
            : new StoredObject(new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), contentType));
    }

    /// <summary>The file of an existing object, or null.</summary>
    public FileInfo? Find(string key)
    {
        var file = new FileInfo(PathOf(key));
        return file.Exists ? file : null;
    }

    private string PathOf(string key)
    {
        if (!ObjectKeys.IsWellFormed(key))
        {
            throw new ArgumentException("Not an object key of this module.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // Belt and braces with IsWellFormed: nothing outside the root is ever touched.
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The key leaves the store's folder.", nameof(key));
        }
        return path;
    }
}

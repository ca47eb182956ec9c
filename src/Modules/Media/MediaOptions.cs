using Platform.Media.Contracts;

namespace Platform.Media;

/// <summary>The <c>Media</c> configuration section: size limits, storage, download links and quotas.</summary>
internal sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest file accepted per kind, in bytes.</summary>
    public Dictionary<MediaKind, long> MaxBytes { get; set; } = new()
    {
        [MediaKind.Image] = 10L * 1024 * 1024,
        [MediaKind.Gif] = 15L * 1024 * 1024,
        [MediaKind.Video] = 512L * 1024 * 1024,
    };

    /// <summary>Largest decoded image (width × height), so a small file cannot demand gigabytes of memory.</summary>
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>
    /// Files decoded and thumbnailed at once; further uploads wait their turn before any database work. Defaults to the
    /// number of cores: decoding is all CPU, so more at once only slows each one down.
    /// </summary>
    public int MaxConcurrentInspections { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Uploads holding a database connection at once (their short quota and record steps); the rest wait their turn
    /// in-process instead of timing out in the request admission with a 503.
    /// </summary>
    public int MaxConcurrentUploadUnitsOfWork { get; set; } = 8;

    /// <summary>Longest side of a thumbnail, in pixels.</summary>
    public int ThumbnailMaxSide { get; set; } = 320;

    /// <summary>How long a download URL handed out by the API stays valid.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Public address of this API (scheme, host, optional path base) that social platforms can reach: published library
    /// items are handed to them as signed URLs under it. The default is where <c>run.sh</c> serves, which only local
    /// test platforms reach.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long a URL handed to a platform for a published item stays valid: long enough for it to pull the file.</summary>
    public TimeSpan PublishUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a direct upload's presigned PUT URL accepts the bytes; completing after that answers 410.</summary>
    public TimeSpan DirectUploadLifetime { get; set; } = TimeSpan.FromHours(1);

    public DirectUploadOptions Uploads { get; set; } = new();

    public S3StoreOptions S3 { get; set; } = new();

    public LocalStoreOptions Local { get; set; } = new();

    /// <summary>Files a tenant's library may hold on any plan; the plan's <c>MediaStorageBytes</c> bounds their bytes.</summary>
    public int MaxFiles { get; set; } = 50_000;

    /// <summary>The largest body an upload may send: the largest file plus room for the multipart framing and alt text.</summary>
    public long MaxUploadBodyBytes => MaxBytes.Values.DefaultIfEmpty(0).Max() + 64 * 1024;

    public long MaxBytesFor(MediaKind kind) => MaxBytes.TryGetValue(kind, out var limit) ? limit : 0;
}

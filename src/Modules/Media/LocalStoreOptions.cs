namespace Platform.Media;

/// <summary>The <c>Media:Local</c> section: the local disk store, used when no S3 bucket is configured.</summary>
internal sealed class LocalStoreOptions
{
    /// <summary>Folder of the local disk store, relative to the working directory unless rooted.</summary>
    public string Root { get; set; } = ".data/media";

    /// <summary>
    /// Base64 key that signs URLs served by the host (local downloads, and every published item's URL); empty means a
    /// random key per process (URLs die with it, and other hosts refuse them).
    /// </summary>
    public string SigningKey { get; set; } = string.Empty;
}

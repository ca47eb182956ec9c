namespace Platform.Media;

/// <summary>The <c>Media:S3</c> section: the S3-compatible bucket library files are kept in.</summary>
internal sealed class S3StoreOptions
{
    /// <summary>Endpoint of any S3-compatible service; empty with no <see cref="Region"/> means the local disk store.</summary>
    public string ServiceUrl { get; set; } = string.Empty;
    public string Bucket { get; set; } = string.Empty;
    public string Region { get; set; } = string.Empty;
    public bool ForcePathStyle { get; set; }
    /// <summary>Leave both keys empty to use the SDK's credential chain (environment, profile, instance role).</summary>
    public string AccessKey { get; set; } = string.Empty;
    public string SecretKey { get; set; } = string.Empty;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Bucket);
}

namespace Platform.Media;

/// <summary>The <c>Media:Uploads</c> section: how direct uploads split large files, and when an unfinished one is swept away.</summary>
internal sealed class DirectUploadOptions
{
    /// <summary>S3 refuses parts under 5 MiB other than the last (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public const long MinPartBytes = 5L << 20;

    /// <summary>S3 refuses parts over 5 GiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public const long MaxPartBytes = 5L << 30;

    /// <summary>S3 numbers parts 1 to 10,000 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public const int MaxParts = 10_000;

    /// <summary>Files of at least this many bytes are sent as an S3 multipart upload, one presigned URL per part.</summary>
    public long MultipartThresholdBytes { get; set; } = 64L << 20;

    /// <summary>Size of each part of a multipart upload (the last may be smaller).</summary>
    public long PartSizeBytes { get; set; } = 16L << 20;

    /// <summary>An upload started this long ago and not completed is removed with whatever was sent for it.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many parts a file of <paramref name="sizeBytes"/> is cut into.</summary>
    public int PartCount(long sizeBytes) => (int)((sizeBytes + PartSizeBytes - 1) / PartSizeBytes);
}

namespace Platform.Media.Data;

/// <summary>A direct upload handed out and not yet completed. Its id becomes the media item's id.</summary>
internal sealed class PendingUpload
{
    private PendingUpload()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public long DeclaredBytes { get; private set; }
    public string ObjectKey { get; private set; } = string.Empty;
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The store's id of the multipart upload the file is sent in; null when it is sent in one PUT.</summary>
    public string? MultipartUploadId { get; private set; }

    /// <summary>Size of every part but the last, for a multipart upload.</summary>
    public long? PartSizeBytes { get; private set; }

    public bool IsMultipart => MultipartUploadId is not null;

    /// <summary>How many parts the client sends: one for a single PUT.</summary>
    public int PartCount => PartSizeBytes is { } size ? (int)((DeclaredBytes + size - 1) / size) : 1;

    public static PendingUpload Start(Guid id, Guid tenantId, long declaredBytes, string objectKey, Guid createdBy, DateTimeOffset now, TimeSpan lifetime)
    {
        if (declaredBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(declaredBytes), "An upload declares at least one byte.");
        }
        return new PendingUpload
        {
            Id = id,
            TenantId = tenantId,
            DeclaredBytes = declaredBytes,
            ObjectKey = objectKey,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    /// <summary>An upload whose bytes are sent in parts of <paramref name="partSizeBytes"/> to the store's multipart upload.</summary>
    public static PendingUpload StartMultipart(
        Guid id, Guid tenantId, long declaredBytes, string objectKey, Guid createdBy, DateTimeOffset now, TimeSpan lifetime, string multipartUploadId, long partSizeBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(multipartUploadId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partSizeBytes, 1);
        var upload = Start(id, tenantId, declaredBytes, objectKey, createdBy, now, lifetime);
        upload.MultipartUploadId = multipartUploadId;
        upload.PartSizeBytes = partSizeBytes;
        return upload;
    }

    /// <param name="storedBytes">The stored object's size, or null when there is none.</param>
    public UploadArrival Check(long? storedBytes, DateTimeOffset now) =>
        IsExpired(now) ? UploadArrival.Expired
        : storedBytes is null ? UploadArrival.NotSent
        : storedBytes != DeclaredBytes ? UploadArrival.SizeDiffers
        : UploadArrival.Arrived;

    public bool IsExpired(DateTimeOffset now) => now > ExpiresAt;

    /// <summary>Started more than <paramref name="abandonedAfter"/> ago and still not completed: nobody is coming back for it.</summary>
    public bool IsAbandoned(DateTimeOffset now, TimeSpan abandonedAfter) => now - CreatedAt > abandonedAfter;

    /// <summary>
    /// The part numbers the client reports are exactly 1 to <see cref="PartCount"/>, each once: anything else cannot be
    /// the file that was declared.
    /// </summary>
    public bool HasAllParts(IEnumerable<int> partNumbers)
    {
        var numbers = partNumbers.ToList();
        return numbers.Count == PartCount && numbers.Order().SequenceEqual(Enumerable.Range(1, PartCount));
    }
}

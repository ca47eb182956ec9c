namespace Platform.Media.Data;

/// <summary>What completing a direct upload finds, before a byte of it is read.</summary>
internal enum UploadArrival
{
    Arrived,
    /// <summary>No object under the key yet: the client has not sent it (it may still, until the URL expires).</summary>
    NotSent,
    /// <summary>The object's size is not the size declared when the URL was asked for.</summary>
    SizeDiffers,
    /// <summary>The URL has expired: the upload is over, whatever was sent.</summary>
    Expired,
}

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

    /// <param name="storedBytes">The stored object's size, or null when there is none.</param>
    public UploadArrival Check(long? storedBytes, DateTimeOffset now) =>
        now > ExpiresAt ? UploadArrival.Expired
        : storedBytes is null ? UploadArrival.NotSent
        : storedBytes != DeclaredBytes ? UploadArrival.SizeDiffers
        : UploadArrival.Arrived;
}

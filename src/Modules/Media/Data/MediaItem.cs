using Platform.Media.Contracts;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Data;

/// <summary>One file in a tenant's library. The bytes live in object storage under <see cref="ObjectKey"/>.</summary>
internal sealed class MediaItem
{
    public const int MaxAltTextLength = 1500;

    private MediaItem()
    {
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public MediaKind Kind { get; private set; }
    public string ContentType { get; private set; } = string.Empty;
    public long SizeBytes { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public double? DurationSeconds { get; private set; }
    public string ChecksumSha256 { get; private set; } = string.Empty;
    public string? AltText { get; private set; }
    public string ObjectKey { get; private set; } = string.Empty;
    public string? ThumbnailKey { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static MediaItem Create(Guid id, Guid tenantId, InspectedMedia media, string checksumSha256, string? altText,
        string objectKey, string? thumbnailKey, Guid createdBy, DateTimeOffset createdAt)
    {
        var item = new MediaItem
        {
            Id = id,
            TenantId = tenantId,
            Kind = media.Type.Kind,
            ContentType = media.Type.ContentType,
            SizeBytes = media.SizeBytes,
            Width = media.Width,
            Height = media.Height,
            DurationSeconds = media.DurationSeconds,
            ChecksumSha256 = checksumSha256,
            ObjectKey = objectKey,
            ThumbnailKey = thumbnailKey,
            CreatedBy = createdBy,
            CreatedAt = createdAt,
        };
        item.ChangeAltText(altText);
        return item;
    }

    /// <summary>Sets the description screen readers announce; blank clears it.</summary>
    /// <summary>The event that tells other modules, and webhook receivers, the item can be used.</summary>
    public MediaReady Ready() => new()
    {
        TenantId = TenantId,
        OccurredAt = CreatedAt,
        MediaId = Id,
        Kind = Kind,
        ContentType = ContentType,
        SizeBytes = SizeBytes,
        Width = Width,
        Height = Height,
        DurationSeconds = DurationSeconds,
        AltText = AltText,
        CreatedBy = CreatedBy,
    };

    public void ChangeAltText(string? altText)
    {
        AltText = NormalizeAltText(altText);
    }

    public static string? NormalizeAltText(string? altText)
    {
        if (string.IsNullOrWhiteSpace(altText))
        {
            return null;
        }
        var trimmed = altText.Trim();
        if (trimmed.Length > MaxAltTextLength)
        {
            throw ProblemException.BadRequest($"'altText' must be at most {MaxAltTextLength} characters.");
        }
        if (trimmed.Any(c => char.IsControl(c) && c is not '\n'))
        {
            throw ProblemException.BadRequest("'altText' must not contain control characters other than line breaks.");
        }
        return trimmed;
    }
}

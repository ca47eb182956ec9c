using Platform.Media.Contracts;
using Platform.Media.Data;

namespace Platform.Media.Features.Shared;

/// <summary>A library item as the API shows it, with short-lived download URLs.</summary>
internal sealed record MediaView(
    Guid Id,
    MediaKind Kind,
    string ContentType,
    long SizeBytes,
    int? Width,
    int? Height,
    double? DurationSeconds,
    string ChecksumSha256,
    string? AltText,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    Uri DownloadUrl,
    Uri? ThumbnailUrl,
    DateTimeOffset UrlsExpireAt);

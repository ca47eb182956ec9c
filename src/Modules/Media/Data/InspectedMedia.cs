namespace Platform.Media.Data;

/// <summary>What the bytes of an upload turned out to be.</summary>
internal sealed record InspectedMedia(DetectedType Type, long SizeBytes, int? Width, int? Height, double? DurationSeconds);

namespace Platform.Media.Detection;

/// <summary>What a video container's header says about its picture and length.</summary>
internal sealed record VideoFacts(int? Width, int? Height, double? DurationSeconds);

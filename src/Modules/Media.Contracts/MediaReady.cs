using Platform.SharedKernel.Events;

namespace Platform.Media.Contracts;

/// <summary>A file became a library item: checked by its bytes, stored, and usable in posts.</summary>
[IntegrationEventName("media.media_ready")]
public sealed record MediaReady : IntegrationEvent
{
    public required Guid MediaId { get; init; }
    public required MediaKind Kind { get; init; }
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public double? DurationSeconds { get; init; }
    public string? AltText { get; init; }
    public required Guid CreatedBy { get; init; }
}

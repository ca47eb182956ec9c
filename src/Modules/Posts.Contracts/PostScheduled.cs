using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>A post was queued to go out at <see cref="ScheduledAt"/> (now, for "publish now"), every target checked.</summary>
[IntegrationEventName("posts.post_scheduled")]
public sealed record PostScheduled : IntegrationEvent
{
    public required Guid PostId { get; init; }
    public required DateTimeOffset ScheduledAt { get; init; }
    public string? TimeZone { get; init; }
    public required IReadOnlyList<Guid> TargetIds { get; init; }
}

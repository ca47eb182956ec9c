using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>A target will not go out: it failed for good, or its outcome could not be confirmed.</summary>
[IntegrationEventName("posts.target_failed")]
public sealed record PostTargetFailed : IntegrationEvent
{
    public required Guid PostId { get; init; }
    public required Guid TargetId { get; init; }
    public required Guid SocialAccountId { get; init; }
    public required string Platform { get; init; }
    public required TargetStatus Status { get; init; }
    public string? ErrorKind { get; init; }
    public string? ErrorMessage { get; init; }
}

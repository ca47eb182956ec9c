using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>A target went out: the platform has the post.</summary>
[IntegrationEventName("posts.target_published")]
public sealed record PostTargetPublished : IntegrationEvent
{
    public required Guid PostId { get; init; }
    public required Guid TargetId { get; init; }
    public required Guid SocialAccountId { get; init; }
    public required string Platform { get; init; }
    public required string PlatformPostId { get; init; }
    public string? PlatformUrl { get; init; }
    public required int Attempts { get; init; }
}

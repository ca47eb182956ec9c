using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>Every target of a post has settled, some published and some not: the post is partially published.</summary>
[IntegrationEventName("posts.post_partially_published")]
public sealed record PostPartiallyPublished : IntegrationEvent
{
    public required Guid PostId { get; init; }
    public required int PublishedTargets { get; init; }
    /// <summary>Targets that failed for good or whose outcome could not be confirmed.</summary>
    public required int UnpublishedTargets { get; init; }
}

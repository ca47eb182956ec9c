using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>Publishing to a paused account goes on again: its trial passed, a person resumed it, or a person's pause ran out.</summary>
[IntegrationEventName("posts.account_resumed")]
public sealed record AccountPublishingResumed : IntegrationEvent
{
    public required Guid SocialAccountId { get; init; }
    public required AccountResumeCause Cause { get; init; }
}

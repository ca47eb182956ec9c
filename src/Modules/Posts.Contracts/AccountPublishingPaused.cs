using Platform.SharedKernel.Events;

namespace Platform.Posts.Contracts;

/// <summary>Publishing to an account stopped: its breaker opened after failures in a row, or a person paused it.</summary>
[IntegrationEventName("posts.account_paused")]
public sealed record AccountPublishingPaused : IntegrationEvent
{
    public required Guid SocialAccountId { get; init; }
    public required AccountPauseCause Cause { get; init; }
    public required string Reason { get; init; }
    /// <summary>When publishing resumes on its own (the breaker's trial); null until resumed by a person.</summary>
    public DateTimeOffset? Until { get; init; }
}

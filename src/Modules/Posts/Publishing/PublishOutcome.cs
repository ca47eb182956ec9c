using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>What one attempt learned about a target.</summary>
internal abstract record PublishOutcome
{
    /// <summary>The platform has the post (just published, or found when reconciling).</summary>
    public sealed record Published(string PlatformPostId, string? Url, bool Reconciled) : PublishOutcome;

    /// <summary>The platform answered with an error: it does not have the post.</summary>
    public sealed record Refused(PlatformErrorKind Kind, string Message, TimeSpan? RetryAfter) : PublishOutcome;

    /// <summary>We cannot tell whether the platform has it (timeout, dropped connection, failed lookup).</summary>
    public sealed record Unknown(string Message) : PublishOutcome;

    /// <summary>
    /// Our own rate limiter refused before anything was sent (a daily cap, say): try again after <paramref name="RetryAfter"/>.
    /// <paramref name="OutcomeUnknown"/>: an earlier attempt's outcome is still lost (no lookup ran before the refusal).
    /// </summary>
    public sealed record LimitedLocally(string Message, TimeSpan RetryAfter, bool OutcomeUnknown) : PublishOutcome;

    /// <summary>
    /// Not sent: so much time passed since this worker renewed its claim that the call could outlast the claim's first
    /// half, and another worker may take the target over when the claim runs out. It goes straight back to the queue.
    /// </summary>
    public sealed record NotSent(bool OutcomeUnknown) : PublishOutcome;
}

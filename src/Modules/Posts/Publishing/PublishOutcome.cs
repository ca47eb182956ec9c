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
    /// Nothing was sent: the worker was held up so long after renewing its claim that a request leaving now could reach
    /// the platform after a takeover's lookup. It goes straight back to the queue, its attempt given back.
    /// </summary>
    public sealed record NotSent(bool OutcomeUnknown) : PublishOutcome;
}

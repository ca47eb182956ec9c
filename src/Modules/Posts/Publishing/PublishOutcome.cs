using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>What one attempt learned about a target.</summary>
internal abstract record PublishOutcome
{
    /// <summary>The platform has the post (just published, or found when reconciling).</summary>
    public sealed record Published(string PlatformPostId, string? Url, bool Reconciled) : PublishOutcome;

    /// <summary>
    /// The platform answered with an error: it does not have the post. <paramref name="NothingCreated"/>: the failure came
    /// in a step before the create call (a media upload), so even a timeout leaves nothing on the platform.
    /// <paramref name="OutcomeUnknown"/>: the refusal came before a lookup answered (the lookup itself was refused), so an
    /// earlier attempt's post may still be there.
    /// </summary>
    public sealed record Refused(PlatformErrorKind Kind, string Message, TimeSpan? RetryAfter, bool NothingCreated = false, bool OutcomeUnknown = false) : PublishOutcome
    {
        /// <summary>Worth another attempt: a limit or a token refresh passes; a failure before anything was created may not recur.</summary>
        public bool IsRetryable => Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.TokenExpired ||
            (NothingCreated && Kind == PlatformErrorKind.Transient);
    }

    /// <summary>We cannot tell whether the platform has it (timeout, dropped connection, failed lookup).</summary>
    public sealed record Unknown(string Message) : PublishOutcome;

    /// <summary>
    /// The final lookup, after the last attempt's outcome was lost, did not find the post: nothing was published, and no
    /// attempt is left to send it.
    /// </summary>
    public sealed record Absent : PublishOutcome;

    /// <summary>
    /// An earlier attempt's answer was lost and the platform offers this account no reliable lookup
    /// (<paramref name="Reason"/>): nothing is sent again; a person must check the account.
    /// </summary>
    public sealed record CannotConfirm(string Reason) : PublishOutcome;

    /// <summary>
    /// A limit on posts refused this one and nothing was published: our own rate limiter before sending (a configured
    /// daily cap, say), or the platform's own cap on posts per period (Instagram's and Threads' 24-hour publishing
    /// limits). The account works; try again after <paramref name="RetryAfter"/>, when the limit has room.
    /// <paramref name="OutcomeUnknown"/>: an earlier attempt's outcome is still lost (no lookup ran before the refusal).
    /// </summary>
    public sealed record LimitReached(string Message, TimeSpan RetryAfter, bool OutcomeUnknown) : PublishOutcome;

    /// <summary>
    /// Nothing was sent: the worker was held up so long after renewing its claim that a request leaving now could reach
    /// the platform after a takeover's lookup. It goes straight back to the queue, its attempt given back.
    /// </summary>
    public sealed record NotSent(bool OutcomeUnknown) : PublishOutcome;

    /// <summary>Nothing left for the platform: the attempt does not count, its record is dropped.</summary>
    public bool GivesAttemptBack => this is LimitReached or NotSent;
}

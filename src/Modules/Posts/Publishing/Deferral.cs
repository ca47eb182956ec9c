using Platform.Posts.Data;

namespace Platform.Posts.Publishing;

/// <summary>
/// A target put back in the queue without an attempt, because nothing may be sent now: its account is paused, or our
/// own limit for it is used up. It keeps its attempt count; one whose last outcome is unknown stays UNCONFIRMED, so
/// whoever attempts it next still looks it up on the platform first.
/// </summary>
internal sealed record Deferral(TargetErrorKind Kind, string Reason, DateTimeOffset Until)
{
    /// <summary>The error kind of a target waiting for its account's pause to end; a resume finds them by it.</summary>
    public const TargetErrorKind AccountPaused = TargetErrorKind.AccountPaused;

    public void ApplyTo(PostTarget target, bool outcomeUnknown, DateTimeOffset now) => target.Defer(Kind, Reason, Until, outcomeUnknown, now);
}

using Platform.Posts.Contracts;
using Platform.Posts.Publishing;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Data;

/// <summary>
/// Per-platform fields a target may need (YouTube/Reddit/Pinterest titles, Pinterest board, subreddit, privacy, and the
/// TikTok interactions the user turned on).
/// </summary>
internal sealed record TargetOptions(
    string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null,
    bool? AllowComments = null, bool? AllowDuets = null, bool? AllowStitches = null);

/// <summary>Whether an admin may send a settled target again.</summary>
internal enum ManualRetry
{
    Allowed,
    /// <summary>Only failed or unconfirmed targets are sent again.</summary>
    NotFailed,
    /// <summary>Unconfirmed: the platform may have the post, so someone must have checked that it does not.</summary>
    NeedsConfirmation,
}

/// <summary>
/// One (post, account) pair and its state machine: PENDING → PUBLISHING → PUBLISHED, FAILED or UNCONFIRMED, with retries
/// back to PENDING (refused in a way worth retrying) or UNCONFIRMED (outcome unknown: looked up before anything is sent).
/// </summary>
internal sealed class PostTarget
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PostId { get; set; }
    public Guid SocialAccountId { get; set; }
    public required string Platform { get; set; }
    public string? CustomContent { get; set; }
    /// <summary>This target's own media, sent instead of the post's; empty sends the post's.</summary>
    public List<PostMedia> Media { get; set; } = [];
    public TargetOptions Options { get; set; } = new();
    public TargetStatus Status { get; set; }
    public string? PlatformPostId { get; set; }
    public string? PlatformUrl { get; set; }
    public TargetErrorKind? ErrorKind { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>Attempts made so far, the one under way included.</summary>
    public int AttemptCount { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A person checked the account after a lost outcome and did not find the post: the next attempt still looks first,
    /// but a platform that cannot tell no longer holds it back. Only that attempt may rely on it.
    /// </summary>
    public bool AbsenceConfirmed { get; set; }

    /// <summary>
    /// Attempts that reached their send and were then cut off by a stop of ours (a killed process, a claim that ran out)
    /// rather than by anything the platform did.
    /// </summary>
    public int StoppedAttempts { get; set; }

    /// <summary>Stopped attempts that a lookup showed had published nothing, and that were therefore not counted.</summary>
    public int ForgivenAttempts { get; set; }

    /// <summary>The platform of <see cref="Platform"/>, the slug the row stores.</summary>
    public SocialPlatform SocialPlatform => SocialPlatforms.TryParse(Platform, out var platform)
        ? platform
        : throw new InvalidOperationException($"Target {Id} names an unknown platform '{Platform}'.");

    /// <summary>Nothing more happens to it on its own: published, failed, or unconfirmed with no attempt left.</summary>
    public bool IsSettled => Status is TargetStatus.Published or TargetStatus.Failed ||
        (Status == TargetStatus.Unconfirmed && NextAttemptAt is null);

    /// <summary>An earlier attempt may have reached the platform without its outcome being recorded: look before sending.</summary>
    public bool OutcomeLost => Status is TargetStatus.Publishing or TargetStatus.Unconfirmed;

    /// <summary>
    /// The attempts are used up and the last one's outcome is unknown: what is left is one lookup, which never sends. A
    /// target must not be left UNCONFIRMED for a person while the platform could still say whether it has the post.
    /// </summary>
    public bool OnlyLookupLeft(RetryPolicy retries) => OutcomeLost && AttemptCount >= retries.MaxAttempts;

    /// <summary>Never attempted, and claimed so long after it fell due (no publisher ran) that sending it now would surprise.</summary>
    public bool IsMissed(TimeSpan lateness, TimeSpan missedWindow) => !OutcomeLost && AttemptCount == 0 && lateness > missedWindow;

    /// <summary>Whether an answer to attempt <paramref name="number"/> still owns the target (no takeover started a later one).</summary>
    public bool IsCurrentAttempt(int number) => AttemptCount == number && !IsSettled;

    /// <summary>
    /// Takes over a target whose worker stopped in the middle of attempt <paramref name="open"/> (a kill, a claim that ran
    /// out). Only an attempt that reached its send can have left a post on the platform: such an attempt is closed as lost,
    /// and the next one looks the post up first. The current attempt stopped before its send is given back like any attempt
    /// that sent nothing: the target is as it was before it (PENDING, or UNCONFIRMED from an earlier loss), so attempts that
    /// never reached the platform neither cost a lookup nor use up the attempts that end in UNCONFIRMED.
    /// </summary>
    /// <returns>True when the attempt was given back: its record is to be dropped.</returns>
    public bool TakeOver(TargetAttempt open, DateTimeOffset now)
    {
        if (open.MayHaveSent || open.Attempt != AttemptCount || IsSettled)
        {
            open.CloseAsLost(now);
            if (open.MayHaveSent)
            {
                StoppedAttempts++;
            }
            return false;
        }
        AttemptCount = open.Attempt - 1;
        // PUBLISHING is only ever started from a target whose outcomes were all known.
        if (Status == TargetStatus.Publishing)
        {
            Status = TargetStatus.Pending;
        }
        UpdatedAt = now;
        return true;
    }

    public void SettleAsMissed(DateTimeOffset dueAt, DateTimeOffset now) =>
        Settle(TargetStatus.Failed, TargetErrorKind.Missed, $"Due at {dueAt:u} while no publisher was running; not sent so late. Reschedule it.", now);

    /// <summary>
    /// Starts the next attempt. One whose earlier outcome was lost stays UNCONFIRMED and due again when the claim runs out:
    /// it is settled only once the lookup answered, so should this worker die, the target comes back.
    /// </summary>
    public TargetAttempt StartAttempt(string worker, TimeSpan lease, DateTimeOffset now)
    {
        var lost = OutcomeLost;
        AttemptCount++;
        // Whatever this attempt sends may be lost in turn: a later lookup that cannot tell must stop at a person again.
        AbsenceConfirmed = false;
        Status = lost ? TargetStatus.Unconfirmed : TargetStatus.Publishing;
        NextAttemptAt = lost ? now + lease : null;
        UpdatedAt = now;
        return new TargetAttempt
        {
            Id = Guid.NewGuid(),
            TenantId = TenantId,
            TargetId = Id,
            Attempt = AttemptCount,
            StartedAt = now,
            Outcome = AttemptOutcome.Started,
            Worker = worker,
        };
    }

    /// <summary>
    /// Puts the target off without an attempt until <paramref name="until"/>. One whose last outcome is unknown stays
    /// UNCONFIRMED, so whoever attempts it next still looks it up first.
    /// </summary>
    public void Defer(TargetErrorKind kind, string reason, DateTimeOffset until, bool outcomeUnknown, DateTimeOffset now)
    {
        Status = outcomeUnknown ? TargetStatus.Unconfirmed : TargetStatus.Pending;
        ErrorKind = kind;
        ErrorMessage = reason;
        NextAttemptAt = until;
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies what <paramref name="attempt"/> learned to the target and to the attempt's record. The final lookup (an
    /// attempt past the last, started by <see cref="OnlyLookupLeft"/>) sent nothing, so it is not counted as an attempt.
    /// </summary>
    public void RecordOutcome(TargetAttempt attempt, PublishOutcome outcome, RetryPolicy retries, DateTimeOffset now)
    {
        attempt.FinishedAt = now;
        var attemptLeft = attempt.Attempt < retries.MaxAttempts;
        var finalLookup = retries.IsFinalLookup(attempt.Attempt);
        if (finalLookup)
        {
            AttemptCount = attempt.Attempt - 1;
        }
        switch (outcome)
        {
            case PublishOutcome.LimitReached limited:
                // Nothing was sent: the attempt is given back, and the target waits until the limit frees up.
                AttemptCount = attempt.Attempt - 1;
                Defer(TargetErrorKind.RateLimited, limited.Message, now + limited.RetryAfter, limited.OutcomeUnknown, now);
                break;
            case PublishOutcome.NotSent notSent:
                AttemptCount = attempt.Attempt - 1;
                Defer(TargetErrorKind.NotSent, "The worker fell behind before sending; nothing was sent.", now, notSent.OutcomeUnknown, now);
                break;
            case PublishOutcome.Published published:
                PlatformPostId = published.PlatformPostId;
                PlatformUrl = published.Url;
                PublishedAt = now;
                Settle(TargetStatus.Published, null, null, now);
                attempt.Outcome = published.Reconciled ? AttemptOutcome.Reconciled : AttemptOutcome.Published;
                break;
            case PublishOutcome.Refused { OutcomeUnknown: true, IsRetryable: true } refused when !finalLookup:
                // The lookup was refused for now: the next attempt (or, after the last, the final lookup) looks again first.
                var waitFor = attemptLeft ? retries.DelayAfter(attempt.Attempt, refused.RetryAfter)
                    : refused.RetryAfter is { } retryAfter && retryAfter > retries.FinalLookupDelay ? retryAfter : retries.FinalLookupDelay;
                RetryLater(TargetStatus.Unconfirmed, TargetErrorKinds.From(refused.Kind), refused.Message, waitFor, now);
                attempt.Finish(AttemptOutcome.Unconfirmed, TargetErrorKinds.From(refused.Kind), refused.Message);
                break;
            case PublishOutcome.Refused refused when finalLookup || refused.OutcomeUnknown:
                // The lookup itself was refused for good, or once more after the attempts: it did not say whether the post is there.
                SettleUnconfirmed(attempt, $"the lookup got no answer ({refused.Message})", refused.Message, now);
                break;
            case PublishOutcome.Absent when ForgivableAttempts(retries) is > 0 and var forgiven:
                // Stops of ours cut attempts short after they reached their send, and none of them published: they were
                // not the platform's failures, so they do not count and the post is sent again. At most the attempts
                // once more, so a post whose sending stops its worker every time still comes to an end.
                ForgivenAttempts += forgiven;
                AttemptCount -= forgiven;
                RetryLater(TargetStatus.Pending, TargetErrorKind.Transient,
                    $"Not on the platform after {forgiven} attempt(s) cut short by a restart of ours; sending it again.", TimeSpan.Zero, now);
                attempt.Finish(AttemptOutcome.Retry, TargetErrorKind.Transient, "Looked up after the last attempt: not on the platform; attempts a restart cut short are not counted.");
                break;
            case PublishOutcome.Absent:
                // The last attempt's request did not create the post after all, and its attempts are used up.
                Settle(TargetStatus.Failed, TargetErrorKind.Transient,
                    "The platform does not have this post: every attempt failed or lost its answer, and nothing was published. Retry it to send it again.", now);
                attempt.Finish(AttemptOutcome.Failed, TargetErrorKind.Transient, "Looked up after the last attempt: not on the platform.");
                break;
            case PublishOutcome.Refused refused:
                var kind = TargetErrorKinds.From(refused.Kind);
                var message = refused.NothingCreated ? $"Nothing was sent to the platform: {refused.Message}" : refused.Message;
                if (refused.IsRetryable && attemptLeft)
                {
                    RetryLater(TargetStatus.Pending, kind, message, retries.DelayAfter(attempt.Attempt, refused.RetryAfter), now);
                    attempt.Finish(AttemptOutcome.Retry, kind, refused.Message);
                }
                else
                {
                    Settle(TargetStatus.Failed, kind, message, now);
                    attempt.Finish(AttemptOutcome.Failed, kind, refused.Message);
                }
                break;
            case PublishOutcome.CannotConfirm cannot:
                // Another attempt would ask the same platform the same question: only a person can tell.
                Settle(TargetStatus.Unconfirmed, TargetErrorKind.Unknown,
                    $"An earlier attempt may have published this post and the platform cannot be asked ({cannot.Reason}). Check the account before retrying.", now);
                attempt.Finish(AttemptOutcome.Unconfirmed, TargetErrorKind.Unknown, cannot.Reason);
                break;
            case PublishOutcome.Unknown unknown when attemptLeft:
                // The next attempt looks the post up first.
                RetryLater(TargetStatus.Unconfirmed, TargetErrorKind.Unknown, unknown.Message, retries.DelayAfter(attempt.Attempt, null), now);
                attempt.Finish(AttemptOutcome.Unconfirmed, TargetErrorKind.Unknown, unknown.Message);
                break;
            case PublishOutcome.Unknown unknown when !finalLookup:
                // No attempt left, but the platform may still say whether it has the post: one lookup, which sends nothing.
                RetryLater(TargetStatus.Unconfirmed, TargetErrorKind.Unknown, unknown.Message, retries.FinalLookupDelay, now);
                attempt.Finish(AttemptOutcome.Unconfirmed, TargetErrorKind.Unknown, unknown.Message);
                break;
            case PublishOutcome.Unknown unknown:
                SettleUnconfirmed(attempt, $"the lookup failed too ({unknown.Message})", unknown.Message, now);
                break;
        }
    }

    /// <summary>How many stopped attempts may still be forgiven: each once, and no more than the attempts in all.</summary>
    private int ForgivableAttempts(RetryPolicy retries) =>
        Math.Max(0, Math.Min(StoppedAttempts, retries.MaxAttempts) - ForgivenAttempts);

    private void SettleUnconfirmed(TargetAttempt attempt, string why, string error, DateTimeOffset now)
    {
        Settle(TargetStatus.Unconfirmed, TargetErrorKind.Unknown,
            $"Could not confirm whether the platform published this post: {why}. Check the account before retrying.", now);
        attempt.Finish(AttemptOutcome.Unconfirmed, TargetErrorKind.Unknown, error);
    }

    public ManualRetry CanRetryManually(bool confirmedNotPublished) =>
        !IsSettled || Status == TargetStatus.Published ? ManualRetry.NotFailed
        : Status == TargetStatus.Unconfirmed && !confirmedNotPublished ? ManualRetry.NeedsConfirmation
        : ManualRetry.Allowed;

    /// <summary>Back to a fresh PENDING target with all its attempts ahead: scheduled again, or retried by an admin.</summary>
    public void ResetForRetry(DateTimeOffset now)
    {
        Status = TargetStatus.Pending;
        AttemptCount = 0;
        StoppedAttempts = 0;
        ForgivenAttempts = 0;
        ErrorKind = null;
        ErrorMessage = null;
        NextAttemptAt = null;
        AbsenceConfirmed = false;
        UpdatedAt = now;
    }

    /// <summary>
    /// An admin's retry (<see cref="CanRetryManually"/> allowed it), due <paramref name="now"/> with all its attempts ahead.
    /// A failed target starts fresh; an unconfirmed one stays UNCONFIRMED, so that its next attempt asks the platform
    /// first like an automatic retry and publishes only when the post is not there, or when the platform cannot tell and
    /// the admin confirmed having checked.
    /// </summary>
    public void RetryByHand(bool absenceConfirmed, DateTimeOffset now)
    {
        if (Status != TargetStatus.Unconfirmed)
        {
            ResetForRetry(now);
            return;
        }
        AttemptCount = 0;
        StoppedAttempts = 0;
        ForgivenAttempts = 0;
        ErrorKind = null;
        ErrorMessage = null;
        NextAttemptAt = now;
        AbsenceConfirmed = absenceConfirmed;
        UpdatedAt = now;
    }

    private void Settle(TargetStatus status, TargetErrorKind? errorKind, string? error, DateTimeOffset now)
    {
        Status = status;
        ErrorKind = errorKind;
        ErrorMessage = error;
        NextAttemptAt = null;
        UpdatedAt = now;
    }

    private void RetryLater(TargetStatus status, TargetErrorKind errorKind, string error, TimeSpan delay, DateTimeOffset now)
    {
        Status = status;
        ErrorKind = errorKind;
        ErrorMessage = error;
        NextAttemptAt = now + delay;
        UpdatedAt = now;
    }
}

namespace Platform.Posts.Data;

internal enum PauseSource
{
    /// <summary>The circuit breaker, after repeated failures that say the account is unhealthy.</summary>
    Breaker,
    /// <summary>An owner or admin, until resumed (or until the time they chose).</summary>
    User,
    /// <summary>The platform refused the account's token for good: until the account is reconnected (or someone resumes).</summary>
    Reconnect,
}

/// <summary>
/// The publishing circuit breaker of one social account, a row of <c>posts.account_breakers</c> so that every host
/// honours it. Closed, it only counts consecutive failures; open (paused), no target of the account is attempted
/// until <see cref="PausedUntil"/>; then half-open: one trial target goes through and its outcome closes the breaker
/// (the row is deleted) or opens it again. A healthy account has no row.
/// </summary>
internal sealed class AccountBreaker
{
    public Guid TenantId { get; set; }
    public Guid SocialAccountId { get; set; }
    public int ConsecutiveFailures { get; set; }
    public TargetErrorKind? LastErrorKind { get; set; }
    public string? LastError { get; set; }
    public PauseSource? PausedBy { get; set; }
    public string? PauseReason { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    /// <summary>Null only for a pause without an end (a user's, or one waiting for a reconnect).</summary>
    public DateTimeOffset? PausedUntil { get; set; }
    public Guid? TrialTargetId { get; set; }
    public DateTimeOffset? TrialUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPaused => PausedAt is not null;

    /// <summary>A user's pause whose chosen end has passed: it tested nothing, so it simply ends, without a trial.</summary>
    public bool UserPauseEnded(DateTimeOffset now) => PausedBy == PauseSource.User && PausedUntil <= now;

    /// <summary>A breaker pause whose time ran out: the next target to come is the trial, unless one holds the right already.</summary>
    public bool IsHalfOpen(DateTimeOffset now) => PausedBy == PauseSource.Breaker && PausedUntil <= now;

    /// <summary>No trial is running (none started, or its holder vanished with its lease), or this target is it.</summary>
    public bool MayBeTrial(Guid targetId, DateTimeOffset now) => TrialTargetId is null || TrialTargetId == targetId || TrialUntil <= now;

    public void RecordFailure(TargetErrorKind kind, string message, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        LastErrorKind = kind;
        LastError = message;
        UpdatedAt = now;
    }

    /// <summary>Opens the breaker, or opens it again after a failed trial (the pause keeps its start).</summary>
    public void Open(string reason, DateTimeOffset until, DateTimeOffset now) => Pause(PauseSource.Breaker, reason, until, now);

    public void PauseByUser(string reason, DateTimeOffset? until, DateTimeOffset now) => Pause(PauseSource.User, reason, until, now);

    /// <summary>
    /// The account's token is dead until the user reconnects: no end, no trial. It replaces a breaker's or a user's pause,
    /// whose end would only send posts to a token the platform refuses.
    /// </summary>
    public void PauseForReconnect(string reason, DateTimeOffset now) => Pause(PauseSource.Reconnect, reason, until: null, now);

    /// <summary>Whether a reconnect of the account ends this breaker's pause (a pause a user set afterwards stays theirs).</summary>
    public bool WaitsForReconnect => PausedBy == PauseSource.Reconnect;

    public void StartTrial(Guid targetId, DateTimeOffset until, DateTimeOffset now)
    {
        TrialTargetId = targetId;
        TrialUntil = until;
        UpdatedAt = now;
    }

    /// <summary>No target holds the trial: the next one to come may take it.</summary>
    public void EndTrial(DateTimeOffset now)
    {
        TrialTargetId = null;
        TrialUntil = null;
        UpdatedAt = now;
    }

    /// <summary>The event that tells integrators publishing to this account stopped, as it stands after a pause.</summary>
    public Contracts.AccountPublishingPaused Paused(Contracts.AccountPauseCause cause, DateTimeOffset now) => new()
    {
        TenantId = TenantId,
        OccurredAt = now,
        SocialAccountId = SocialAccountId,
        Cause = cause,
        Reason = PauseReason ?? "",
        Until = PausedUntil,
    };

    /// <summary>The event that tells integrators and open screens publishing to this account goes on again.</summary>
    public Contracts.AccountPublishingResumed Resumed(Contracts.AccountResumeCause cause, DateTimeOffset now) => new()
    {
        TenantId = TenantId,
        OccurredAt = now,
        SocialAccountId = SocialAccountId,
        Cause = cause,
    };

    private void Pause(PauseSource source, string reason, DateTimeOffset? until, DateTimeOffset now)
    {
        // Opening again after a failed trial continues the same pause; anything else starts one.
        if (PausedBy != source)
        {
            PausedAt = now;
        }
        PausedBy = source;
        PauseReason = reason;
        PausedUntil = until;
        EndTrial(now);
    }
}

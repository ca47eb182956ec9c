namespace Platform.Posts.Data;

/// <summary>One attempt at a target: when it ran, on which worker, and how it ended.</summary>
internal sealed class TargetAttempt
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TargetId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public AttemptOutcome Outcome { get; set; }
    public TargetErrorKind? ErrorKind { get; set; }
    public string? Error { get; set; }
    public required string Worker { get; set; }

    /// <summary>
    /// When its worker reached the platform call that may create the post, written and committed before that call.
    /// Null: the attempt never got that far (a lookup, a media download, a kill before it), so the platform has no post of it.
    /// </summary>
    public DateTimeOffset? SendingAt { get; set; }

    /// <summary>Whether the platform may have the post from this attempt: only if it reached its send.</summary>
    public bool MayHaveSent => SendingAt is not null;

    public void Finish(AttemptOutcome outcome, TargetErrorKind? errorKind, string? error)
    {
        Outcome = outcome;
        ErrorKind = errorKind;
        Error = error;
    }

    /// <summary>Closes an attempt whose worker stopped before recording how it ended: the platform may have the post.</summary>
    public void CloseAsLost(DateTimeOffset now)
    {
        FinishedAt = now;
        Outcome = AttemptOutcome.Unconfirmed;
        Error = "The worker stopped before recording the outcome.";
    }
}

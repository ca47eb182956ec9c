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

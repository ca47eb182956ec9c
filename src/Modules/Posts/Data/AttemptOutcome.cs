namespace Platform.Posts.Data;

/// <summary>How one attempt ended (stored as the snake_case words of <c>target_attempts.outcome</c>'s CHECK).</summary>
internal enum AttemptOutcome
{
    /// <summary>Under way, or its worker died before recording how it ended.</summary>
    Started,
    Published,
    /// <summary>Found on the platform by a lookup after an earlier outcome was lost.</summary>
    Reconciled,
    /// <summary>Refused in a way worth trying again; the target waits for its next attempt.</summary>
    Retry,
    Failed,
    /// <summary>The platform may or may not have the post.</summary>
    Unconfirmed,
}

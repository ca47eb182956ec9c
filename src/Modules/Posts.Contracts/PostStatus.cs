namespace Platform.Posts.Contracts;

/// <summary>A post's status, derived from its targets once publishing starts.</summary>
public enum PostStatus
{
    Draft,
    Scheduled,
    Publishing,
    Published,
    PartiallyPublished,
    Failed,
}

/// <summary>One (post, account) target's state machine.</summary>
public enum TargetStatus
{
    /// <summary>Waiting for its due time (or its next retry).</summary>
    Pending,
    /// <summary>A worker has sent it, or is about to; the outcome is not recorded yet.</summary>
    Publishing,
    Published,
    Failed,
    /// <summary>The platform may or may not have it (a crash or timeout after sending): it is looked up before anything is retried.</summary>
    Unconfirmed,
}

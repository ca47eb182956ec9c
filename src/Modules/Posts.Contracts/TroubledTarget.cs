namespace Platform.Posts.Contracts;

/// <summary>A target that went wrong, with a short excerpt of its last error and its attempts.</summary>
public sealed record TroubledTarget(
    Guid TenantId, Guid PostId, Guid TargetId, Guid AccountId, string Platform, TargetStatus Status, string? ErrorKind,
    string? ErrorExcerpt, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset UpdatedAt, IReadOnlyList<AttemptSummary> AttemptLog);

/// <summary>
/// One attempt: its outcome as stored (started, published, retry, failed, unconfirmed, reconciled), an error excerpt, and
/// the names of the steps the platform took (a media container, an upload session), never their values.
/// </summary>
public sealed record AttemptSummary(
    int Attempt, string Outcome, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? ErrorKind, string? Error,
    IReadOnlyList<string> Steps);

using Platform.Posts.Contracts;

namespace Platform.Posts.Data;

/// <summary>Per-platform fields a target may need (YouTube/Reddit/Pinterest titles, Pinterest board, subreddit, privacy).</summary>
internal sealed record TargetOptions(string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null);

internal sealed class PostTarget
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PostId { get; set; }
    public Guid SocialAccountId { get; set; }
    public required string Platform { get; set; }
    public string? CustomContent { get; set; }
    public TargetOptions Options { get; set; } = new();
    public TargetStatus Status { get; set; }
    public string? PlatformPostId { get; set; }
    public string? PlatformUrl { get; set; }
    public string? ErrorKind { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>Attempts made so far.</summary>
    public int RetryCount { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsSettled => Status is TargetStatus.Published or TargetStatus.Failed ||
        (Status == TargetStatus.Unconfirmed && NextAttemptAt is null);
}

internal sealed class TargetAttempt
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid TargetId { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public required string Outcome { get; set; }
    public string? ErrorKind { get; set; }
    public string? Error { get; set; }
    public required string Worker { get; set; }
}

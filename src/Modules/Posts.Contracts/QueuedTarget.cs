namespace Platform.Posts.Contracts;

/// <summary>Where a target in the publish queue stands.</summary>
public enum QueuedTargetState
{
    /// <summary>Due, and no dispatcher holds it.</summary>
    Due,
    /// <summary>A dispatcher holds it and has not reached the platform call yet.</summary>
    Claimed,
    /// <summary>Its attempt reached the platform call that may create the post; the outcome is not recorded yet.</summary>
    Sending,
}

/// <summary>A due or in-flight target; <paramref name="Lateness"/> is now minus its due time.</summary>
public sealed record QueuedTarget(
    Guid TenantId, Guid PostId, Guid TargetId, Guid AccountId, string Platform, QueuedTargetState State, DateTimeOffset DueAt,
    TimeSpan Lateness, DateTimeOffset? LeaseUntil, DateTimeOffset? SendingAt, int Attempts);

namespace Platform.Posts.Contracts;

/// <summary>The publish queue at a glance: targets queued, those due that no dispatcher holds, and the oldest one's lateness.</summary>
public sealed record PublishingBacklog(long Queued, long DueUnclaimed, TimeSpan OldestDueLateness);

namespace Platform.Posts.Publishing;

/// <summary>A queue row this worker holds a lease on; <see cref="Lateness"/> is how late the claim came, by the database clock.</summary>
internal sealed record ClaimedTarget(Guid TargetId, Guid TenantId, DateTimeOffset DueAt, TimeSpan Lateness);

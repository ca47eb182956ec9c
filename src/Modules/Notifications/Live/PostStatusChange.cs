namespace Platform.Notifications.Live;

/// <summary>The data of a <c>post</c> event: which post (and target, for one platform's outcome) and its new status.</summary>
internal sealed record PostStatusChange(Guid PostId, Guid? TargetId, string? Platform, LivePostStatus Status, DateTimeOffset OccurredAt);

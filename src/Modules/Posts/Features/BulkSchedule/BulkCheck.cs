namespace Platform.Posts.Features.BulkSchedule;

/// <summary>A batch checked: the rows ready to be written as posts, and the problems of the others, by row.</summary>
internal sealed record BulkCheck(IReadOnlyList<PlannedPost> Planned, IReadOnlyList<RowError> Failed);

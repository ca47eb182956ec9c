namespace Platform.Posts.Features.BulkSchedule;

/// <summary>What an import would do: <see cref="Ready"/> of <see cref="Total"/> rows would be created; nothing was.</summary>
internal sealed record BulkPreviewResponse(int Total, int Ready, IReadOnlyList<BulkPreviewRow> Rows);

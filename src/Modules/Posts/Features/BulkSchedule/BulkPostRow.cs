using Platform.Posts.Features.SchedulePost;
using Platform.Posts.Features.Shared;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>One post to create and schedule in a bulk request.</summary>
internal sealed record BulkPostRow(
    string? Title, string? Content, string? Type, IReadOnlyList<MediaPayload>? Media, string? Link, IReadOnlyList<TargetPayload>? Targets,
    string? ScheduledAt, string? TimeZone)
{
    public PostPayload Payload => new(Title, Content, Type ?? "text", Media, Link, Targets ?? []);

    public ScheduleRequest Schedule => new(ScheduledAt ?? "", TimeZone);
}

internal sealed record BulkScheduleRequest(IReadOnlyList<BulkPostRow> Posts);

/// <summary>What is wrong with one row (1-based, as a spreadsheet counts data rows).</summary>
internal sealed record RowError(int Row, IReadOnlyList<string> Errors);

internal sealed record BulkScheduleResponse(IReadOnlyList<Guid> PostIds);

using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>
/// One CSV row as it would be scheduled: the values read, the instant it would be due (when it can be read), the
/// platforms it would go to, and its problems; a row without problems would be created.
/// </summary>
internal sealed record BulkPreviewRow(
    int Row, string? Title, string? Content, string? Type, string? ScheduledAt, string? TimeZone, DateTimeOffset? DueAt,
    IReadOnlyList<Guid> AccountIds, IReadOnlyList<SocialPlatform> Platforms, IReadOnlyList<string> Errors);

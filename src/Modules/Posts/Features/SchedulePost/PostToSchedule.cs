using Platform.Posts.Data;

namespace Platform.Posts.Features.SchedulePost;

/// <summary>A post to queue for <paramref name="DueAt"/>, with the time zone its time was given in.</summary>
internal sealed record PostToSchedule(Post Post, DateTimeOffset DueAt, string? TimeZone);

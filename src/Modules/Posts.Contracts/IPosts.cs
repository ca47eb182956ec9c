using System.Text.Json;

namespace Platform.Posts.Contracts;

/// <summary>
/// The current tenant's posts for other modules (the agents' tools), checked exactly as the REST endpoints check them:
/// invalid input is a 400, a content rule or a platform's refusal a 422 naming each target, and failures are the same
/// <c>ProblemException</c>s. Posts and the calendar are answered in the JSON the REST endpoints answer.
/// </summary>
public interface IPosts
{
    /// <summary>Saves a draft, as <c>POST /api/v1/posts</c>: each target's content-rule problems are listed, not refused. In the caller's unit of work.</summary>
    Task<JsonElement> CreateDraftAsync(PostDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules a post, as <c>POST /api/v1/posts/{id}/schedule</c>: <paramref name="scheduledAt"/> is ISO 8601, with an offset or a
    /// wall-clock time in <paramref name="timeZone"/>. Asks the platforms, so it opens its own short units of work: call it outside one.
    /// </summary>
    Task<JsonElement> ScheduleAsync(Guid postId, string scheduledAt, string? timeZone, CancellationToken cancellationToken);

    /// <summary>Publishes a post now, as <c>POST /api/v1/posts/{id}/publish</c>; like <see cref="ScheduleAsync"/>, outside any unit of work.</summary>
    Task<JsonElement> PublishNowAsync(Guid postId, CancellationToken cancellationToken);

    /// <summary>Scheduled and published posts by day, as <c>GET /api/v1/calendar</c>. In the caller's unit of work.</summary>
    Task<JsonElement> CalendarAsync(DateTimeOffset from, DateTimeOffset to, string? timeZone, CancellationToken cancellationToken);

    /// <summary>Which of these accounts publishing is paused for (or trying again after a pause). In the caller's unit of work.</summary>
    Task<IReadOnlySet<Guid>> PausedAccountsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken);
}

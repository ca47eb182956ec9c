using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Shared;

internal sealed record TargetResponse(
    Guid Id, Guid AccountId, SocialPlatform Platform, string? CustomContent, IReadOnlyList<PostMedia> Media, TargetOptions Options, TargetStatus Status,
    string? PlatformPostId, string? PlatformUrl, TargetErrorKind? ErrorKind, string? ErrorMessage, int AttemptCount,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? PublishedAt, IReadOnlyList<ContentViolation>? Problems, AccountPauseView? AccountPaused);

internal sealed record PostResponse(
    Guid Id, string? Title, string Content, PostType Type, PostStatus Status, IReadOnlyList<PostMedia> Media, string? Link,
    DateTimeOffset? ScheduledAt, string? TimeZone, DateTimeOffset? PublishedAt, Guid CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<TargetResponse> Targets)
{
    /// <param name="pauses">Paused accounts by id; null where the answer does not show them.</param>
    public static PostResponse From(
        Post post, IReadOnlyDictionary<Guid, IReadOnlyList<ContentViolation>>? problems = null, IReadOnlyDictionary<Guid, AccountPauseView>? pauses = null) => new(
        post.Id, post.Title, post.Content, post.Type, post.Status, post.Media, post.Link,
        post.ScheduledAt, post.TimeZone, post.PublishedAt, post.CreatedBy, post.CreatedAt, post.UpdatedAt,
        post.Targets.OrderBy(t => t.Platform).ThenBy(t => t.Id).Select(t => new TargetResponse(
            t.Id, t.SocialAccountId, t.SocialPlatform, t.CustomContent, t.Media, t.Options, t.Status, t.PlatformPostId, t.PlatformUrl,
            t.ErrorKind, t.ErrorMessage, t.AttemptCount, t.NextAttemptAt, t.PublishedAt,
            problems is not null && problems.TryGetValue(t.Id, out var found) ? found : null,
            pauses is not null && pauses.TryGetValue(t.SocialAccountId, out var pause) ? pause : null)).ToList());
}

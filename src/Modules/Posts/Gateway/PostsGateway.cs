using System.Text.Json;
using FluentValidation;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Calendar;
using Platform.Posts.Features.CreatePost;
using Platform.Posts.Features.SchedulePost;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Json;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Gateway;

/// <summary><see cref="IPosts"/> over the same validators and use cases the REST endpoints run.</summary>
internal sealed class PostsGateway(
    IValidator<PostPayload> payloads, IValidator<ScheduleRequest> schedules, DraftCreation drafts, CheckedScheduling scheduling,
    CalendarQuery calendar, PostsDbContext db, ITenantContext tenant, TimeProvider clock) : IPosts
{
    public async Task<JsonElement> CreateDraftAsync(PostDraft draft, CancellationToken cancellationToken)
    {
        var payload = new PostPayload(draft.Title, draft.Content, draft.Type, Media: null, draft.Link,
            draft.Targets?.Select(t => t is null ? null! : new TargetPayload(t.AccountId, t.CustomContent, t.Title, t.BoardId, t.Subreddit, t.PrivacyLevel)).ToList()!);
        await payloads.EnsureValidAsync(payload, cancellationToken);
        var author = tenant.UserId ?? throw new InvalidOperationException("A draft needs its author in the tenant context.");
        return ApiJson.ToElement(await drafts.CreateAsync(payload, author, cancellationToken));
    }

    public async Task<JsonElement> ScheduleAsync(Guid postId, string scheduledAt, string? timeZone, CancellationToken cancellationToken)
    {
        var request = new ScheduleRequest(scheduledAt, timeZone);
        await schedules.EnsureValidAsync(request, cancellationToken);
        return ApiJson.ToElement(await scheduling.ScheduleAsync(postId, request, cancellationToken));
    }

    public async Task<JsonElement> PublishNowAsync(Guid postId, CancellationToken cancellationToken) =>
        ApiJson.ToElement(await scheduling.PublishNowAsync(postId, cancellationToken));

    public async Task<JsonElement> CalendarAsync(DateTimeOffset from, DateTimeOffset to, string? timeZone, CancellationToken cancellationToken) =>
        ApiJson.ToElement(await calendar.ReadAsync(from, to, timeZone, new CalendarFilter(null, null, null), cancellationToken));

    public async Task<IReadOnlySet<Guid>> PausedAccountsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken) =>
        (await AccountPauseView.ForAccountsAsync(db, accountIds, clock.GetUtcNow(), cancellationToken)).Keys.ToHashSet();
}

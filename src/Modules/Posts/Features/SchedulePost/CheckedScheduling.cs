using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Features.SchedulePost;

/// <summary>
/// Schedules (or publishes now) a post once each target's platform said its account takes it, in three steps so that no
/// connection waits on a platform: a short unit of work reads the post and checks what needs no platform; the platforms
/// are asked holding none; a second short unit of work queues the post, unless it changed meanwhile.
/// </summary>
internal sealed class CheckedScheduling(IServiceScopeFactory scopes, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>Schedules for the future time <paramref name="request"/> names (validated); a time already past is a 422.</summary>
    public Task<PostResponse> ScheduleAsync(Guid postId, ScheduleRequest request, CancellationToken cancellationToken)
    {
        request.TryResolve(out var dueAt);
        if (dueAt <= clock.GetUtcNow())
        {
            throw ProblemException.Unprocessable($"The time {dueAt:u} is not in the future; publish now instead.");
        }
        return QueueAsync(postId, () => dueAt, request.TimeZone, AuditAction.PostScheduled, cancellationToken);
    }

    public Task<PostResponse> PublishNowAsync(Guid postId, CancellationToken cancellationToken) =>
        QueueAsync(postId, clock.GetUtcNow, timeZone: null, AuditAction.PostPublishedNow, cancellationToken);

    /// <param name="dueAt">Asked when the post is queued (publishing now means after the platforms answered).</param>
    /// <param name="audited">Scheduled or published now, as the audit log names it.</param>
    private async Task<PostResponse> QueueAsync(
        Guid postId, Func<DateTimeOffset> dueAt, string? timeZone, AuditAction audited, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var (version, targets) = await scopes.RunAsync(tenantId, async services =>
        {
            var post = await services.GetRequiredService<PostsDbContext>().LoadAsync(postId, cancellationToken);
            PostLoader.EnsureEditable(post);
            await services.GetRequiredService<TargetChecks>().EnsurePublishableAsync(post, cancellationToken);
            return (post.Version, TargetToCheck.Of(post));
        }, cancellationToken);

        await using (var scope = scopes.CreateTenantScope(tenantId))
        {
            await scope.ServiceProvider.GetRequiredService<PlatformTargetChecks>().EnsureAcceptedAsync(targets, cancellationToken);
        }

        return await scopes.RunAsync(tenantId, async services =>
        {
            var post = await services.GetRequiredService<PostsDbContext>().LoadAsync(postId, cancellationToken);
            if (post.Version != version)
            {
                throw ProblemException.Conflict("The post changed while its platforms were asked; schedule it again.");
            }
            await services.GetRequiredService<Scheduling>().QueueAsync(post, dueAt(), timeZone, cancellationToken);
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(audited, post.Id) { After = PostAudit.Summary(post) }, cancellationToken);
            return PostResponse.From(post);
        }, cancellationToken);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Features.UpdatePost;

internal static class UpdatePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPut("/{id:guid}", HandleAsync)
        .WithName("UpdatePost")
        .WithSummary("Replaces a draft's or scheduled post's content and targets; a scheduled post stays scheduled and is checked again.")
        .WithDescription(MediaPayload.OpenApiDescription)
        .RequireAuthorization(Policies.Editor)
        .Validate<PostPayload>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, PostPayload payload, PostsDbContext db, TargetChecks checks, PublishQueue queue, TimeProvider clock, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var post = await db.LoadAsync(id, cancellationToken);
        PostLoader.EnsureEditable(post);
        var accounts = await checks.ResolveAccountsAsync(payload.Targets.Select(t => t.AccountId), cancellationToken);
        var media = await checks.ResolveMediaAsync(payload, cancellationToken);
        var before = post.Targets.Select(t => t.Id).ToList();
        var summaryBefore = PostAudit.Summary(post);
        PostWriter.Apply(post, payload, accounts, media, clock.GetUtcNow());
        if (post.Status == PostStatus.Scheduled)
        {
            await checks.EnsurePublishableAsync(post, cancellationToken);
            if (await queue.RemoveUnclaimedAsync(before, cancellationToken) < before.Count)
            {
                throw ProblemException.Conflict("The post is being published right now.");
            }
            await queue.EnqueueAsync(post.TenantId, post.Targets.Select(t => t.Id), post.ScheduledAt!.Value, cancellationToken);
        }
        post.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.PostEdited, post.Id) { Before = summaryBefore, After = PostAudit.Summary(post) }, cancellationToken);
        return TypedResults.Ok(PostResponse.From(post, checks.Check(post)));
    }
}

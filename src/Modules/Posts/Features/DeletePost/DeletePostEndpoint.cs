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

namespace Platform.Posts.Features.DeletePost;

internal static class DeletePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapDelete("/{id:guid}", HandleAsync)
        .WithName("DeletePost")
        .WithSummary("Deletes a post that is not being published (its queued targets are withdrawn).")
        .RequireAuthorization(Policies.Editor)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<NoContent> HandleAsync(Guid id, PostsDbContext db, PublishQueue queue, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var post = await db.LoadAsync(id, cancellationToken);
        var targets = post.Targets.Select(t => t.Id).ToList();
        if (post.Status == PostStatus.Publishing ||
            (post.Status == PostStatus.Scheduled && await queue.RemoveUnclaimedAsync(targets, cancellationToken) < targets.Count))
        {
            throw ProblemException.Conflict("The post is being published right now; wait for it to finish.");
        }
        db.Posts.Remove(post);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.PostDeleted, id) { Before = PostAudit.Summary(post) }, cancellationToken);
        return TypedResults.NoContent();
    }
}

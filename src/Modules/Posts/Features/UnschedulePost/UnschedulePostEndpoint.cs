using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.UnschedulePost;

internal static class UnschedulePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/{id:guid}/unschedule", HandleAsync)
        .WithName("UnschedulePost")
        .WithSummary("Takes a scheduled post back to draft, unless it is being published.")
        .RequireAuthorization(Policies.Editor)
        .RequireScope(ApiScope.Publish)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, PostsDbContext db, PublishQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var post = await db.LoadAsync(id, cancellationToken);
        if (post.Status != PostStatus.Scheduled)
        {
            throw ProblemException.Conflict($"The post is {post.Status}, not scheduled.");
        }
        var targets = post.Targets.Select(t => t.Id).ToList();
        if (await queue.RemoveUnclaimedAsync(targets, cancellationToken) < targets.Count)
        {
            throw ProblemException.Conflict("The post is being published right now.");
        }
        post.Status = PostStatus.Draft;
        post.ScheduledAt = null;
        post.UpdatedAt = clock.GetUtcNow();
        post.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PostResponse.From(post));
    }
}

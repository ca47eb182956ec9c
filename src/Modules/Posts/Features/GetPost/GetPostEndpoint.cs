using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.GetPost;

internal static class GetPostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapGet("/{id:guid}", HandleAsync)
        .WithName("GetPost")
        .WithSummary("A post with each target's status, result, error, retry count, and whether publishing to its account is paused (accountPaused).")
        .RequireAuthorization(Policies.Viewer)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, PostsDbContext db, TargetChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var post = await db.LoadAsync(id, cancellationToken);
        var pauses = await AccountPauseView.ForAccountsAsync(db, post.Targets.Select(t => t.SocialAccountId), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(PostResponse.From(post, post.IsEditable ? checks.Check(post) : null, pauses));
    }
}

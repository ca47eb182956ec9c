using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Features.SchedulePost;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.PublishNow;

internal static class PublishNowEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/{id:guid}/publish", HandleAsync)
        .WithName("PublishPost")
        .ProducesProblem(StatusCodes.Status402PaymentRequired)
        .WithSummary("Publishes a draft or scheduled post now; answers 202 and the post, whose targets then progress.")
        .RequireAuthorization(Policies.Editor)
        .RequireScope(ApiScope.Publish)
        // Each target's platform is asked whether the account takes it: no connection may wait on that.
        .WithOwnUnitsOfWork()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Accepted<PostResponse>> HandleAsync(
        Guid id, CheckedScheduling scheduling, CancellationToken cancellationToken)
    {
        var post = await scheduling.PublishNowAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/v1/posts/{post.Id}", post);
    }
}

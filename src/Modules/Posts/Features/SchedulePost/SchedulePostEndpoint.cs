using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Features.SchedulePost;

internal static class SchedulePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/{id:guid}/schedule", HandleAsync)
        .WithName("SchedulePost")
        .WithSummary("Schedules (or reschedules) a post for a future time; stored in UTC.")
        .RequireAuthorization(Policies.Editor)
        .Validate<ScheduleRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, ScheduleRequest request, PostsDbContext db, Scheduling scheduling, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.TryResolve(out var dueAt);
        if (dueAt <= clock.GetUtcNow())
        {
            throw ProblemException.Unprocessable($"The time {dueAt:u} is not in the future; publish now instead.");
        }
        var post = await db.LoadAsync(id, cancellationToken);
        await scheduling.QueueAsync(post, dueAt, request.TimeZone, cancellationToken);
        return TypedResults.Ok(PostResponse.From(post));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
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
        .RequireScope(ApiScope.Publish)
        // Each target's platform is asked whether the account takes it: no connection may wait on that.
        .WithOwnUnitsOfWork()
        .Validate<ScheduleRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, ScheduleRequest request, CheckedScheduling scheduling, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.TryResolve(out var dueAt);
        if (dueAt <= clock.GetUtcNow())
        {
            throw ProblemException.Unprocessable($"The time {dueAt:u} is not in the future; publish now instead.");
        }
        return TypedResults.Ok(await scheduling.QueueAsync(id, () => dueAt, request.TimeZone, AuditAction.PostScheduled, cancellationToken));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Features.SchedulePost;

internal static class SchedulePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/{id:guid}/schedule", HandleAsync)
        .WithName("SchedulePost")
        .ProducesProblem(StatusCodes.Status402PaymentRequired)
        .WithSummary("Schedules (or reschedules) a post for a future time; stored in UTC.")
        .RequireAuthorization(Policies.Editor)
        .RequireScope(ApiScope.Publish)
        // Each target's platform is asked whether the account takes it: no connection may wait on that.
        .WithOwnUnitsOfWork()
        .Validate<ScheduleRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<PostResponse>> HandleAsync(
        Guid id, ScheduleRequest request, CheckedScheduling scheduling, CancellationToken cancellationToken) =>
        TypedResults.Ok(await scheduling.ScheduleAsync(id, request, cancellationToken));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;

namespace Platform.Host.Operations;

/// <summary>Platform operators' view of integration events that could not be delivered, and their retry.</summary>
internal static class OutboxEndpoints
{
    public static void MapOutboxOperations(this IEndpointRouteBuilder api)
    {
        var outbox = api.MapGroup("/operations/outbox").WithTags("Operations").RequireAuthorization(Policies.PlatformAdmin);
        outbox.MapGet("/dead", ListDeadAsync)
            .WithName("ListDeadOutboxRows")
            .WithSummary("Integration events whose handler failed on every attempt, across tenants (platform administrators).");
        outbox.MapPost("/{id:guid}/retry", RetryAsync)
            .WithName("RetryOutboxRow")
            .WithSummary("Gives a dead integration event a fresh set of attempts, now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PagedList<DeadOutboxRow>>> ListDeadAsync(OutboxAdministration outbox, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await outbox.ListDeadAsync(new PageRequest(page, pageSize), cancellationToken));

    private static async Task<NoContent> RetryAsync(Guid id, OutboxAdministration outbox, CancellationToken cancellationToken) =>
        await outbox.RetryAsync(id, cancellationToken) ? TypedResults.NoContent() : throw ProblemException.NotFound("The dead outbox row");
}

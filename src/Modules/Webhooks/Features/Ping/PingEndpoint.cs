using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;
using Platform.Webhooks.Sending;

namespace Platform.Webhooks.Features.Ping;

internal static class PingEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapPost("/{id:guid}/ping", HandleAsync)
        .WithName("PingWebhook")
        .WithSummary("Queues a signed `ping` delivery to the subscription's URL; its outcome shows in the delivery log (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<DeliveryView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, WebhooksDbContext db, DeliveryQueue queue, CancellationToken cancellationToken)
    {
        var delivery = await queue.QueuePingAsync(await db.FindAsync(id, cancellationToken), cancellationToken);
        return Results.Accepted($"/api/v1/webhooks/{id}/deliveries", DeliveryView.From(delivery, []));
    }
}

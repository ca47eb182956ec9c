using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.Redeliver;

internal static class RedeliverEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", HandleAsync)
        .WithName("RedeliverWebhook")
        .WithSummary("Sends a delivered or dead-lettered delivery again, with a fresh set of attempts logged after the earlier ones (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<DeliveryView>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(
        Guid id, Guid deliveryId, WebhooksDbContext db, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FromSql($"SELECT * FROM webhooks.deliveries WHERE id = {deliveryId} AND subscription_id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("The delivery");
        if (!delivery.Redeliver(options.Value.MaxAttempts, clock.GetUtcNow()))
        {
            throw ProblemException.Conflict("The delivery is still being tried; redeliver it once it succeeded or was dead-lettered.");
        }
        await db.SaveChangesAsync(cancellationToken);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).ToListAsync(cancellationToken);
        return Results.Accepted($"/api/v1/webhooks/{id}/deliveries", DeliveryView.From(delivery, attempts));
    }
}

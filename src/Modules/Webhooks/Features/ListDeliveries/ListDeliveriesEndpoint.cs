using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.ListDeliveries;

internal static class ListDeliveriesEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapGet("/{id:guid}/deliveries", HandleAsync)
        .WithName("ListWebhookDeliveries")
        .WithSummary("A subscription's delivery log, newest first: body, status, each attempt's answer and latency, the next retry (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<PagedList<DeliveryView>>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, WebhooksDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var paging = new PageRequest(page, pageSize);
        await db.FindAsync(id, cancellationToken);
        var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        var total = await query.LongCountAsync(cancellationToken);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        return Results.Ok(new PagedList<DeliveryView>(deliveries.Select(d => DeliveryView.From(d, attempts[d.Id])).ToList(), paging.Page, paging.PageSize, total));
    }
}

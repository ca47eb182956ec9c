using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.DeleteSubscription;

internal static class DeleteSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapDelete("/{id:guid}", HandleAsync)
        .WithName("DeleteWebhookSubscription")
        .WithSummary("Removes a subscription with its delivery log; deliveries still queued for it are dropped (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, WebhooksDbContext db, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var subscription = await db.FindAsync(id, cancellationToken);
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.WebhookDeleted, id) { Before = SubscriptionAudit.Summary(subscription) }, cancellationToken);
        return Results.NoContent();
    }
}

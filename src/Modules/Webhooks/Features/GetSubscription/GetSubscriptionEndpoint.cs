using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.GetSubscription;

internal static class GetSubscriptionEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapGet("/{id:guid}", HandleAsync)
        .WithName("GetWebhookSubscription")
        .WithSummary("One webhook subscription, without its secret (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<SubscriptionView>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, WebhooksDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Results.Ok(SubscriptionView.From(await db.FindAsync(id, cancellationToken), clock.GetUtcNow()));
}

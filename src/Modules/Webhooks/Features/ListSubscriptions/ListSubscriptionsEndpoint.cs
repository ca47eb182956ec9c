using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.ListSubscriptions;

internal static class ListSubscriptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapGet("/", HandleAsync)
        .WithName("ListWebhookSubscriptions")
        .WithSummary("The tenant's webhook subscriptions, oldest first (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<IReadOnlyList<SubscriptionView>>();

    private static async Task<IResult> HandleAsync(WebhooksDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // No tenant filter: row-level security shows this tenant's subscriptions only.
        var subscriptions = await db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return Results.Ok(subscriptions.Select(s => SubscriptionView.From(s, now)).ToList());
    }
}

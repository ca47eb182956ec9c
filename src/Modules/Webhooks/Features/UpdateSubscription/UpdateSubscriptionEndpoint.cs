using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.UpdateSubscription;

internal static class UpdateSubscriptionEndpoint
{
    // Like creation: the URL's host is resolved before any connection is taken.
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapPatch("/{id:guid}", HandleAsync)
        .WithName("UpdateWebhookSubscription")
        .WithSummary("Changes a subscription's URL, event types or active flag (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<SubscriptionView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithOwnUnitsOfWork()
        .Validate<UpdateSubscriptionRequest>();

    private static Task<IResult> HandleAsync(
        Guid id, UpdateSubscriptionRequest request, ITenantContext tenant, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenant.RequiredTenantId, async services =>
        {
            var db = services.GetRequiredService<WebhooksDbContext>();
            var subscription = await db.FindAsync(id, cancellationToken);
            var now = clock.GetUtcNow();
            var before = SubscriptionAudit.Summary(subscription);
            subscription.Change(request.Url, request.EventTypes is null ? null : SubscriptionRules.Parse(request.EventTypes), request.Active, now);
            await db.SaveChangesAsync(cancellationToken);
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(AuditAction.WebhookChanged, id) { Before = before, After = SubscriptionAudit.Summary(subscription) }, cancellationToken);
            return Results.Ok(SubscriptionView.From(subscription, now));
        }, cancellationToken);
}

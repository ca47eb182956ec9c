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
using Platform.Webhooks.Signing;

namespace Platform.Webhooks.Features.CreateSubscription;

internal static class CreateSubscriptionEndpoint
{
    // Validating the URL resolves its host, so the unit of work opens only after validation: no pooled connection waits on DNS.
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapPost("/", HandleAsync)
        .WithName("CreateWebhookSubscription")
        .WithSummary("Subscribes a URL to event types; the answer holds the signing secret, shown this once (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<SubscriptionSecret>(StatusCodes.Status201Created)
        .WithOwnUnitsOfWork()
        .Validate<CreateSubscriptionRequest>();

    private static Task<IResult> HandleAsync(
        CreateSubscriptionRequest request, ITenantContext tenant, IServiceScopeFactory scopes, WebhookSigner signer, TimeProvider clock, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenant.RequiredTenantId, async services =>
        {
            var now = clock.GetUtcNow();
            var subscription = Subscription.Create(tenant.RequiredTenantId, request.Url!, SubscriptionRules.Parse(request.EventTypes!), request.Active ?? true, WebhookSigner.NewSalt(), now);
            var db = services.GetRequiredService<WebhooksDbContext>();
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(AuditAction.WebhookCreated, subscription.Id) { After = SubscriptionAudit.Summary(subscription) }, cancellationToken);
            return Results.Created($"/api/v1/webhooks/{subscription.Id}", SubscriptionSecret.Of(subscription, signer, now));
        }, cancellationToken);
}

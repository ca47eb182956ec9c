using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Security;
using Platform.Webhooks.Data;
using Platform.Webhooks.Features.Shared;
using Platform.Webhooks.Signing;

namespace Platform.Webhooks.Features.RotateSecret;

internal static class RotateSecretEndpoint
{
    public static void Map(IEndpointRouteBuilder webhooks) => webhooks
        .MapPost("/{id:guid}/rotate-secret", HandleAsync)
        .WithName("RotateWebhookSecret")
        .WithSummary("A new signing secret, shown this once; the old one keeps signing beside it for Webhooks:SecretRotationGrace (owners, admins, or a key with webhooks:manage).")
        .RequireAuthorization(Policies.AdminOrKey)
        .Produces<SubscriptionSecret>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(
        Guid id, WebhooksDbContext db, WebhookSigner signer, IOptions<WebhookOptions> options, TimeProvider clock, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var subscription = await db.FindAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        subscription.RotateSecret(WebhookSigner.NewSalt(), options.Value.SecretRotationGrace, now);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.WebhookSecretRotated, id) { After = new { PreviousValidUntil = subscription.PreviousSecretValidUntil } }, cancellationToken);
        return Results.Ok(SubscriptionSecret.Of(subscription, signer, now));
    }
}

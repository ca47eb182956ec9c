using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Posts.Webhooks;

internal sealed record WebhookSecret(string Secret, string SignatureHeader, string Scheme);

internal static class WebhookSecretEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/webhooks/secret", (ITenantContext tenant, WebhookSigner signer) => TypedResults.Ok(new WebhookSecret(
            signer.SecretFor(tenant.RequiredTenantId), WebhookSigner.SignatureHeader, "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"t.body\")>")))
        .WithTags("Webhooks")
        .WithName("GetWebhookSecret")
        .WithSummary("The secret that signs this tenant's webhooks (post.published, post.failed), and how to check a signature.")
        .RequireAuthorization(Policies.Admin);
}

using System.Text;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Outbound;
using Platform.Tenants.Contracts;

namespace Platform.Posts.Webhooks;

/// <summary>
/// Posts one event to the tenant's webhook URL, signed; any non-2xx answer (a redirect included: none is followed) or
/// network error fails the job, and Hangfire retries it with its growing delays. A URL or address the outbound policy
/// refuses fails it for good: it would be refused again. Receivers dedupe on X-Platform-Event-Id.
/// </summary>
internal sealed class WebhookDeliveryJob(
    IServiceScopeFactory scopes, WebhookSigner signer, IHttpClientFactory clients,
    OutboundUrlPolicy outbound, IOptions<WebhookUrlOptions> webhooks, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    [JobDisplayName("Webhook {2} · tenant {0} · post {3} · {4}")]
    [AutomaticRetry(Attempts = 8, OnAttemptsExceeded = AttemptsExceededAction.Fail, ExceptOn = [typeof(OutboundRequestRefusedException)])]
    public async Task DeliverAsync(Guid tenantId, Guid eventId, string eventName, Guid postId, string platform, string body, CancellationToken cancellationToken)
    {
        // Read in a unit of work of its own: no connection is held while the receiver answers.
        var url = await scopes.RunAsync(tenantId,
            async services => (await services.GetRequiredService<ITenantSettingsReader>().GetAsync(cancellationToken)).WebhookUrl, cancellationToken);
        if (url is null)
        {
            return;
        }
        if (outbound.CheckUrl(url, webhooks.Value.AllowHttp, out var target) is { } refusal)
        {
            throw new OutboundRequestRefusedException(refusal);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Platform-Event", eventName);
        request.Headers.Add("X-Platform-Event-Id", eventId.ToString());
        request.Headers.Add(WebhookSigner.SignatureHeader, signer.Sign(tenantId, clock.GetUtcNow(), body));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (OutboundRequestRefusedException.FindIn(exception) is { } refused)
        {
            throw new OutboundRequestRefusedException(refused.Refusal);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
        }
    }
}

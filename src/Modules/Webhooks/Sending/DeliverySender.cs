using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Outbound;
using Platform.Webhooks.Data;
using Platform.Webhooks.Signing;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Posts one attempt's signed body to its receiver (through the outbound guard, which checks the address again) within
/// <c>Webhooks:Timeout</c>, and says what came of it. Holds no database connection.
/// </summary>
internal sealed class DeliverySender(IHttpClientFactory clients, OutboundUrlPolicy outbound, WebhookSigner signer, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <param name="stopping">The host is stopping: the attempt ends at once, as a failure to try again.</param>
    public async Task<AttemptOutcome> SendAsync(OutgoingDelivery delivery, CancellationToken stopping)
    {
        var started = Stopwatch.GetTimestamp();
        if (outbound.CheckUrl(delivery.Url, options.Value.AllowHttp, out var target) is { } refusal)
        {
            return new AttemptOutcome(null, TimeSpan.Zero, null, refusal.Message, Refused: true);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Platform-Event", delivery.EventType);
        request.Headers.Add("X-Platform-Event-Id", delivery.EventId.ToString());
        request.Headers.Add("X-Platform-Delivery", delivery.Claim.DeliveryId.ToString());
        request.Headers.Add("X-Platform-Attempt", delivery.Claim.Attempt.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, signer.Sign(delivery.SigningSalts, clock.GetUtcNow(), delivery.Body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ResponseExcerpt.ReadAsync(response.Content, timeout.Token);
            var status = (int)response.StatusCode;
            // No redirect is followed: a 3xx is a failed delivery like any other non-2xx answer.
            return new AttemptOutcome(status, Stopwatch.GetElapsedTime(started), excerpt, response.IsSuccessStatusCode ? null : $"The receiver answered {status}.");
        }
        catch (HttpRequestException exception) when (OutboundRequestRefusedException.FindIn(exception) is { } refused)
        {
            return new AttemptOutcome(null, Stopwatch.GetElapsedTime(started), null, refused.Refusal.Message, Refused: true);
        }
        catch (HttpRequestException exception)
        {
            return new AttemptOutcome(null, Stopwatch.GetElapsedTime(started), null, exception.Message);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new AttemptOutcome(null, Stopwatch.GetElapsedTime(started), null, "The host stopped before the receiver answered.");
        }
        catch (OperationCanceledException)
        {
            return new AttemptOutcome(null, Stopwatch.GetElapsedTime(started), null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.");
        }
    }
}

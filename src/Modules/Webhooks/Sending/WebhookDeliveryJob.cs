using System.Diagnostics;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Outbound;
using Platform.Webhooks.Data;
using Platform.Webhooks.Signing;

namespace Platform.Webhooks.Sending;

/// <summary>
/// Makes one attempt of one delivery: claims it in a short unit of work, posts the signed body with no connection held
/// (within <c>Webhooks:Timeout</c>, through the outbound guard, which checks the address again), and records the
/// outcome in another, scheduling the next attempt after a failure. A job run twice for one attempt sends it once.
/// </summary>
internal sealed class WebhookDeliveryJob(
    IServiceScopeFactory scopes, IHttpClientFactory clients, OutboundUrlPolicy outbound, WebhookSigner signer,
    IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    [JobDisplayName("Webhook delivery {1} · attempt {2} · tenant {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 1, 2, 5, 10], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task DeliverAsync(Guid tenantId, Guid deliveryId, int attempt, CancellationToken cancellationToken)
    {
        var ready = await scopes.RunAsync(tenantId, services => ClaimAsync(services.GetRequiredService<WebhooksDbContext>(), tenantId, deliveryId, attempt, cancellationToken), cancellationToken);
        if (ready is null)
        {
            return;
        }
        var outcome = await SendAsync(deliveryId, attempt, ready, cancellationToken);
        await scopes.RunAsync(tenantId, async services =>
        {
            await RecordAsync(services.GetRequiredService<WebhooksDbContext>(), tenantId, deliveryId, attempt, outcome, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <returns>What to send, or null when this attempt was already made.</returns>
    private async Task<ReadyAttempt?> ClaimAsync(WebhooksDbContext db, Guid tenantId, Guid deliveryId, int attempt, CancellationToken cancellationToken)
    {
        // Locked: a second job for the same attempt waits here, then finds it being sent.
        var delivery = await db.Deliveries.FromSql($"SELECT * FROM webhooks.deliveries WHERE id = {deliveryId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (delivery is null || delivery.ReadinessFor(attempt) == AttemptReadiness.NotYetVisible)
        {
            throw new DeliveryNotYetVisibleException(deliveryId, attempt);
        }
        if (delivery.ReadinessFor(attempt) == AttemptReadiness.AlreadyMade)
        {
            return null;
        }
        if (delivery.NextAttemptAt is { } due && due > clock.GetUtcNow())
        {
            // Started before its backoff ran out (a retry of an earlier run, say): the attempt waits for its time.
            jobs.Schedule<WebhookDeliveryJob>(job => job.DeliverAsync(tenantId, deliveryId, attempt, CancellationToken.None), due);
            return null;
        }
        delivery.StartSending(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        return new ReadyAttempt(subscription.Url, subscription.SigningSaltsAt(clock.GetUtcNow()), delivery.EventId, delivery.EventType, delivery.Body);
    }

    private async Task<AttemptOutcome> SendAsync(Guid deliveryId, int attempt, ReadyAttempt ready, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (outbound.CheckUrl(ready.Url, options.Value.AllowHttp, out var target) is { } refusal)
        {
            return new AttemptOutcome(null, TimeSpan.Zero, null, refusal.Message, Refused: true);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(ready.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Platform-Event", ready.EventType);
        request.Headers.Add("X-Platform-Event-Id", ready.EventId.ToString());
        request.Headers.Add("X-Platform-Delivery", deliveryId.ToString());
        request.Headers.Add("X-Platform-Attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, signer.Sign(ready.SigningSalts, clock.GetUtcNow(), ready.Body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, Stopwatch.GetElapsedTime(started), null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private async Task RecordAsync(WebhooksDbContext db, Guid tenantId, Guid deliveryId, int attempt, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var now = clock.GetUtcNow();
        var retry = delivery.Record(outcome, now);
        db.Attempts.Add(new DeliveryAttempt
        {
            DeliveryId = deliveryId,
            Attempt = attempt,
            TenantId = tenantId,
            AttemptedAt = now - outcome.Latency,
            StatusCode = outcome.StatusCode,
            LatencyMs = (int)Math.Min(int.MaxValue, outcome.Latency.TotalMilliseconds),
            ResponseExcerpt = outcome.ResponseExcerpt,
            Error = outcome.Error,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (retry)
        {
            jobs.Schedule<WebhookDeliveryJob>(job => job.DeliverAsync(tenantId, deliveryId, attempt + 1, CancellationToken.None), delivery.NextAttemptAt!.Value);
        }
    }
}

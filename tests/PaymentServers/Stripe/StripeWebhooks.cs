using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.PaymentServers.Stripe;

/// <summary>How one delivery is signed when a test wants it wrong: another secret, or a timestamp from the past.</summary>
public sealed record WebhookSigning(string? Secret = null, TimeSpan? Age = null);

/// <summary>One POST of an event to the endpoint, as sent, with the endpoint's status (null when it could not be reached).</summary>
public sealed record WebhookDelivery(string EventId, string Type, string Payload, string SignatureHeader, int? Status);

/// <summary>
/// Events and their delivery to one webhook endpoint, written from https://docs.stripe.com/api/events/object (id
/// <c>evt_</c>, <c>object: "event"</c>, <c>api_version</c>, <c>created</c>, <c>data.object</c>,
/// <c>data.previous_attributes</c>, <c>livemode</c>, <c>pending_webhooks</c>, <c>request</c>, <c>type</c>) and
/// https://docs.stripe.com/webhooks#verify-manually (the <c>Stripe-Signature</c> header <c>t=...,v1=...</c>, the signed
/// payload <c>{t}.{body}</c>, HMAC-SHA256 with the endpoint's secret, hex; after a secret is rolled, one <c>v1</c> per
/// active secret). Stripe does not promise order or single delivery (https://docs.stripe.com/webhooks#event-ordering,
/// #handle-duplicate-events): the controls here hold, reorder, repeat and mis-sign deliveries.
/// </summary>
public sealed class StripeWebhooks(StripeStore store, HttpClient http)
{
    private readonly List<string> outbox = [];
    private readonly List<string> pending = [];
    private readonly List<WebhookDelivery> deliveries = [];

    /// <summary>The endpoint events are POSTed to; none set means events are only recorded.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>The endpoint's signing secrets (<c>whsec_...</c>); every one signs each delivery, as during a secret roll.</summary>
    public List<string> Secrets { get; } = ["whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))];

    /// <summary>
    /// The API version events are rendered with (https://docs.stripe.com/webhooks/versioning: an endpoint's events use
    /// its API version). Stripe's current version by default.
    /// </summary>
    public string ApiVersion { get; set; } = "2026-10-28.endive";

    /// <summary>While true, new events wait in <see cref="PendingEventIds"/> until <see cref="DeliverPendingAsync(IEnumerable{string})"/>.</summary>
    public bool Hold { get; set; }

    public IReadOnlyList<string> PendingEventIds
    {
        get
        {
            lock (store.Gate)
            {
                return [.. pending];
            }
        }
    }

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (deliveries)
            {
                return [.. deliveries];
            }
        }
    }

    /// <summary>The signature header Stripe documents for <paramref name="payload"/> signed at <paramref name="timestamp"/>.</summary>
    public static string SignatureHeader(long timestamp, string payload, IEnumerable<string> secrets)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + payload);
        var signatures = secrets.Select(secret => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        return string.Join(',', signatures.Prepend("t=" + timestamp.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The event types the endpoint receives (https://docs.stripe.com/api/webhook_endpoints/object, enabled_events;
    /// <c>*</c> for all). Events of other types are still recorded and listed.
    /// </summary>
    public HashSet<string> EnabledEvents { get; } = new(StringComparer.Ordinal) { "*" };

    /// <summary>Records an event about a snapshot of <paramref name="subject"/>, to go out at the next flush; call under the store's gate.</summary>
    internal string Record(string type, JsonObject subject, JsonObject? previousAttributes = null)
    {
        var data = new JsonObject { ["object"] = subject.DeepClone() };
        if (previousAttributes is not null)
        {
            data["previous_attributes"] = previousAttributes;
        }
        var id = StripeStore.NewId("evt");
        store.Add(new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = store.Now,
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = EndpointUrl is not null && Enabled(type) ? 1 : 0,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        });
        if (Enabled(type))
        {
            outbox.Add(id);
        }
        return id;
    }

    /// <summary>Sends the events recorded since the last flush to the endpoint, in order, unless deliveries are held.</summary>
    internal async Task FlushAsync()
    {
        List<string> eventIds;
        lock (store.Gate)
        {
            eventIds = [.. outbox];
            outbox.Clear();
            if (Hold)
            {
                pending.AddRange(eventIds);
                return;
            }
        }
        foreach (var id in eventIds)
        {
            await SendAsync(id, null);
        }
    }

    /// <summary>Sends held events in the order given (any order, repeats allowed) and drops them from the pending list.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliverPendingAsync(IEnumerable<string> eventIdsInOrder)
    {
        var sent = new List<WebhookDelivery>();
        foreach (var id in eventIdsInOrder.ToList())
        {
            lock (store.Gate)
            {
                pending.Remove(id);
            }
            sent.Add(await SendAsync(id, null));
        }
        return sent;
    }

    /// <summary>Sends every held event in the order they happened.</summary>
    public Task<IReadOnlyList<WebhookDelivery>> DeliverPendingAsync() => DeliverPendingAsync(PendingEventIds);

    /// <summary>Sends an event again (the same id and body, a fresh signature), as Stripe retries and resends do.</summary>
    public Task<WebhookDelivery> ResendAsync(string eventId, WebhookSigning? signing = null) => SendAsync(eventId, signing);

    private bool Enabled(string type) => EnabledEvents.Contains("*") || EnabledEvents.Contains(type);

    private async Task<WebhookDelivery> SendAsync(string eventId, WebhookSigning? signing)
    {
        string payload;
        string type;
        lock (store.Gate)
        {
            var stored = store.Find(eventId, "event") ?? throw new ArgumentException($"No such event: {eventId}", nameof(eventId));
            payload = stored.ToJsonString();
            type = (string)stored["type"]!;
        }
        var timestamp = store.Clock.GetUtcNow().Add(-(signing?.Age ?? TimeSpan.Zero)).ToUnixTimeSeconds();
        var header = SignatureHeader(timestamp, payload, signing?.Secret is { } secret ? [secret] : Secrets);
        int? status = null;
        if (EndpointUrl is { } url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(payload, Encoding.UTF8, "application/json"),
            };
            // https://docs.stripe.com/webhooks#verify-manually: the signature travels in the Stripe-Signature header.
            request.Headers.TryAddWithoutValidation("Stripe-Signature", header);
            request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            try
            {
                using var answer = await http.SendAsync(request);
                status = (int)answer.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = null;
            }
        }
        var delivery = new WebhookDelivery(eventId, type, payload, header, status);
        lock (deliveries)
        {
            deliveries.Add(delivery);
        }
        return delivery;
    }
}

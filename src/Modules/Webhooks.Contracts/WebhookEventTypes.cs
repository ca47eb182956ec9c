namespace Platform.Webhooks.Contracts;

/// <summary>The wire names of <see cref="WebhookEventType"/>: what subscriptions list and what an envelope's <c>type</c> says.</summary>
public static class WebhookEventTypes
{
    private static readonly IReadOnlyDictionary<WebhookEventType, string> Names = new Dictionary<WebhookEventType, string>
    {
        [WebhookEventType.PostScheduled] = "post.scheduled",
        [WebhookEventType.PostPublished] = "post.published",
        [WebhookEventType.PostPartiallyPublished] = "post.partially_published",
        [WebhookEventType.PostFailed] = "post.failed",
        [WebhookEventType.PostUnconfirmed] = "post.unconfirmed",
        [WebhookEventType.AccountConnected] = "account.connected",
        [WebhookEventType.AccountNeedsReconnect] = "account.needs_reconnect",
        [WebhookEventType.AccountPaused] = "account.paused",
        [WebhookEventType.AccountResumed] = "account.resumed",
        [WebhookEventType.AiRequestCompleted] = "ai.request.completed",
        [WebhookEventType.BillingPlanChanged] = "billing.plan_changed",
        [WebhookEventType.MediaReady] = "media.ready",
    };

    private static readonly IReadOnlyDictionary<string, WebhookEventType> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => [.. Names.Values];

    public static string NameOf(WebhookEventType type) => Names[type];

    public static bool TryParse(string? name, out WebhookEventType type) => ByName.TryGetValue(name ?? "", out type);
}

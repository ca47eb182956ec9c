namespace Platform.Webhooks.Contracts;

/// <summary>What a webhook subscription can listen to; on the wire each is its <see cref="WebhookEventTypes"/> name.</summary>
public enum WebhookEventType
{
    PostScheduled,
    PostPublished,
    PostPartiallyPublished,
    PostFailed,
    PostUnconfirmed,
    AccountConnected,
    AccountNeedsReconnect,
    AccountPaused,
    AccountResumed,
    AiRequestCompleted,
    BillingPlanChanged,
    MediaReady,
}

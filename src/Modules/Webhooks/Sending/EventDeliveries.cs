using Platform.AI.Contracts;
using Platform.Billing.Contracts;
using Platform.Media.Contracts;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.Webhooks.Contracts;

namespace Platform.Webhooks.Sending;

/// <summary>Maps the integration events other modules raise to webhook event types, and queues their deliveries.</summary>
internal sealed class EventDeliveries(DeliveryQueue queue)
    : IIntegrationEventHandler<PostScheduled>, IIntegrationEventHandler<PostTargetPublished>, IIntegrationEventHandler<PostTargetFailed>,
      IIntegrationEventHandler<PostPartiallyPublished>, IIntegrationEventHandler<AccountConnected>, IIntegrationEventHandler<AccountNeedsReconnect>,
      IIntegrationEventHandler<AccountPublishingPaused>, IIntegrationEventHandler<AccountPublishingResumed>, IIntegrationEventHandler<AiRequestCompleted>,
      IIntegrationEventHandler<TenantPlanChanged>, IIntegrationEventHandler<MediaReady>
{
    public Task HandleAsync(PostScheduled scheduled, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(scheduled, WebhookEventType.PostScheduled, cancellationToken);

    public Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(published, WebhookEventType.PostPublished, cancellationToken);

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(failed, failed.Status == TargetStatus.Unconfirmed ? WebhookEventType.PostUnconfirmed : WebhookEventType.PostFailed, cancellationToken);

    public Task HandleAsync(PostPartiallyPublished partial, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(partial, WebhookEventType.PostPartiallyPublished, cancellationToken);

    public Task HandleAsync(AccountPublishingPaused paused, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(paused, WebhookEventType.AccountPaused, cancellationToken);

    public Task HandleAsync(AccountPublishingResumed resumed, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(resumed, WebhookEventType.AccountResumed, cancellationToken);

    public Task HandleAsync(AiRequestCompleted completed, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(completed, WebhookEventType.AiRequestCompleted, cancellationToken);

    public Task HandleAsync(AccountConnected connected, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(connected, WebhookEventType.AccountConnected, cancellationToken);

    public Task HandleAsync(AccountNeedsReconnect needsReconnect, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(needsReconnect, WebhookEventType.AccountNeedsReconnect, cancellationToken);

    public Task HandleAsync(TenantPlanChanged changed, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(changed, WebhookEventType.BillingPlanChanged, cancellationToken);

    public Task HandleAsync(MediaReady ready, CancellationToken cancellationToken) =>
        queue.QueueEventAsync(ready, WebhookEventType.MediaReady, cancellationToken);
}

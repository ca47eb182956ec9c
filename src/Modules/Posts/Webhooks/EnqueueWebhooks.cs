using System.Text.Json;
using Hangfire;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;

namespace Platform.Posts.Webhooks;

/// <summary>Turns publishing outcomes into webhook deliveries, one Hangfire job each (named for the dashboard).</summary>
internal sealed class EnqueueWebhooks(IBackgroundJobClient jobs)
    : IIntegrationEventHandler<PostTargetPublished>, IIntegrationEventHandler<PostTargetFailed>
{
    public Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken)
    {
        Enqueue(published, "post.published", published.PostId, published.Platform);
        return Task.CompletedTask;
    }

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken)
    {
        Enqueue(failed, "post.failed", failed.PostId, failed.Platform);
        return Task.CompletedTask;
    }

    private void Enqueue<TEvent>(TEvent integrationEvent, string name, Guid postId, string platform)
        where TEvent : IntegrationEvent
    {
        var body = JsonSerializer.Serialize(new { id = integrationEvent.EventId, type = name, occurredAt = integrationEvent.OccurredAt, data = integrationEvent }, Outbox.Json);
        jobs.Enqueue<WebhookDeliveryJob>(job => job.DeliverAsync(integrationEvent.TenantId, integrationEvent.EventId, name, postId, platform, body, CancellationToken.None));
    }
}

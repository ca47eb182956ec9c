using System.Text.Json;
using Hangfire;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;
using Platform.Tenants.Contracts;

namespace Platform.Posts.Webhooks;

/// <summary>
/// Turns publishing outcomes into webhook deliveries, one Hangfire job each (named for the dashboard), for tenants
/// that configured a webhook URL: a job per publish for tenants without one would cost more than the publish.
/// </summary>
internal sealed class EnqueueWebhooks(IBackgroundJobClient jobs, ITenantSettingsReader settings)
    : IIntegrationEventHandler<PostTargetPublished>, IIntegrationEventHandler<PostTargetFailed>
{
    // One read per unit of work: the outbox hands a tenant's events to one scope together.
    private TenantSettings? tenantSettings;

    public Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken) =>
        EnqueueAsync(published, "post.published", published.PostId, published.Platform, cancellationToken);

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken) =>
        EnqueueAsync(failed, "post.failed", failed.PostId, failed.Platform, cancellationToken);

    private async Task EnqueueAsync<TEvent>(TEvent integrationEvent, string name, Guid postId, string platform, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        tenantSettings ??= await settings.GetAsync(cancellationToken);
        if (tenantSettings.WebhookUrl is null)
        {
            return;
        }
        var body = JsonSerializer.Serialize(new { id = integrationEvent.EventId, type = name, occurredAt = integrationEvent.OccurredAt, data = integrationEvent }, Outbox.Json);
        jobs.Enqueue<WebhookDeliveryJob>(job => job.DeliverAsync(integrationEvent.TenantId, integrationEvent.EventId, name, postId, platform, body, CancellationToken.None));
    }
}

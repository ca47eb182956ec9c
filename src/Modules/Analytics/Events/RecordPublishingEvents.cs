using Microsoft.EntityFrameworkCore;
using Platform.Analytics.Data;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;

namespace Platform.Analytics.Events;

/// <summary>Turns publishing outcomes into analytics events (one event per published or failed target).</summary>
internal sealed class RecordPublishingEvents(AnalyticsDbContext db)
    : IIntegrationEventHandler<PostTargetPublished>, IIntegrationEventHandler<PostTargetFailed>
{
    public Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken) =>
        RecordAsync(published, AnalyticsEventType.PostPublished.Stored(), published.PostId, published.SocialAccountId, published.Platform, cancellationToken);

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken) =>
        RecordAsync(failed, AnalyticsEventType.PostFailed.Stored(), failed.PostId, failed.SocialAccountId, failed.Platform, cancellationToken);

    private async Task RecordAsync(IntegrationEvent source, string type, Guid postId, Guid accountId, string platform, CancellationToken cancellationToken)
    {
        if (await db.Events.AnyAsync(e => e.SourceEventId == source.EventId, cancellationToken))
        {
            return;
        }
        db.Events.Add(new AnalyticsEvent
        {
            Id = Guid.NewGuid(),
            TenantId = source.TenantId,
            PostId = postId,
            SocialAccountId = accountId,
            EventType = type,
            Platform = platform,
            SourceEventId = source.EventId,
            RecordedAt = source.OccurredAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

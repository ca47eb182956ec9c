using Platform.Notifications.Live;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;

namespace Platform.Notifications.Events;

/// <summary>
/// Turns post and account events into live events for the tenant's open streams, handed to the publisher only once the
/// outbox's unit of work committed, so Redis is never awaited with the connection held and a rolled-back round sends nothing.
/// </summary>
internal sealed class StreamOnEvents(DbSession session, LiveEventPublisher publisher)
    : IIntegrationEventHandler<PostScheduled>, IIntegrationEventHandler<PostTargetPublished>, IIntegrationEventHandler<PostPartiallyPublished>,
      IIntegrationEventHandler<PostTargetFailed>, IIntegrationEventHandler<AccountNeedsReconnect>, IIntegrationEventHandler<AccountConnected>,
      IIntegrationEventHandler<AccountReconnected>, IIntegrationEventHandler<AccountPublishingPaused>,
      IIntegrationEventHandler<AccountPublishingResumed>
{
    public Task HandleAsync(PostScheduled scheduled, CancellationToken cancellationToken) =>
        PostAsync(scheduled, new PostStatusChange(scheduled.PostId, null, null, LivePostStatus.Scheduled, scheduled.OccurredAt));

    public Task HandleAsync(PostTargetPublished published, CancellationToken cancellationToken) =>
        PostAsync(published, new PostStatusChange(published.PostId, published.TargetId, published.Platform, LivePostStatus.Published, published.OccurredAt));

    public Task HandleAsync(PostPartiallyPublished partly, CancellationToken cancellationToken) =>
        PostAsync(partly, new PostStatusChange(partly.PostId, null, null, LivePostStatus.PartiallyPublished, partly.OccurredAt));

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken) =>
        PostAsync(failed, new PostStatusChange(failed.PostId, failed.TargetId, failed.Platform,
            failed.Status == TargetStatus.Unconfirmed ? LivePostStatus.Unconfirmed : LivePostStatus.Failed, failed.OccurredAt));

    public Task HandleAsync(AccountNeedsReconnect needed, CancellationToken cancellationToken) =>
        AccountAsync(needed, new AccountHealthChange(needed.SocialAccountId, needed.Platform.ToString(), AccountHealth.NeedsReconnect, needed.Reason, needed.OccurredAt));

    public Task HandleAsync(AccountConnected connected, CancellationToken cancellationToken) =>
        AccountAsync(connected, new AccountHealthChange(connected.SocialAccountId, connected.Platform.ToString(), AccountHealth.Healthy, null, connected.OccurredAt));

    public Task HandleAsync(AccountReconnected reconnected, CancellationToken cancellationToken) =>
        AccountAsync(reconnected, new AccountHealthChange(reconnected.SocialAccountId, reconnected.Platform.ToString(), AccountHealth.Healthy, null, reconnected.OccurredAt));

    public Task HandleAsync(AccountPublishingPaused paused, CancellationToken cancellationToken) =>
        AccountAsync(paused, new AccountHealthChange(paused.SocialAccountId, null, AccountHealth.Paused, paused.Reason, paused.OccurredAt));

    public Task HandleAsync(AccountPublishingResumed resumed, CancellationToken cancellationToken) =>
        AccountAsync(resumed, new AccountHealthChange(resumed.SocialAccountId, null, AccountHealth.Healthy, null, resumed.OccurredAt));

    private Task PostAsync(IntegrationEvent source, PostStatusChange change) =>
        PublishAfterCommit(LiveEvent.ForTenant(source.TenantId, LiveEventType.Post, change));

    private Task AccountAsync(IntegrationEvent source, AccountHealthChange change) =>
        PublishAfterCommit(LiveEvent.ForTenant(source.TenantId, LiveEventType.Account, change));

    private Task PublishAfterCommit(LiveEvent live)
    {
        session.OnCommitted(() => publisher.Publish(live));
        return Task.CompletedTask;
    }
}

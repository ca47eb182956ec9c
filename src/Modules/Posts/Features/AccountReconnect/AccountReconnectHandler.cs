using Microsoft.Extensions.Logging;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.AccountReconnect;

/// <summary>
/// Stops publishing to an account whose token the platform refused for good, and resumes it once the account is
/// reconnected: meanwhile its targets wait in the queue without using attempts or calling the platform.
/// </summary>
internal sealed class AccountReconnectHandler(
    PostsDbContext db, PublishQueue queue, ISocialAccounts accounts, TimeProvider clock, ILogger<AccountReconnectHandler> logger)
    : IIntegrationEventHandler<AccountNeedsReconnect>, IIntegrationEventHandler<AccountReconnected>
{
    public async Task HandleAsync(AccountNeedsReconnect integrationEvent, CancellationToken cancellationToken)
    {
        // Delivered late (after a retry), the news may be stale: an account reconnected since must not be paused again.
        if (await accounts.FindAsync(integrationEvent.SocialAccountId, cancellationToken) is not { Status: not AccountStatus.Active })
        {
            return;
        }
        var now = clock.GetUtcNow();
        var breaker = await db.LockOrCreateBreakerAsync(integrationEvent.TenantId, integrationEvent.SocialAccountId, now, cancellationToken);
        breaker.PauseForReconnect($"The account must be reconnected ({integrationEvent.Status}): {integrationEvent.Reason}", now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Publishing to account {AccountId} of tenant {TenantId} paused until it is reconnected",
            integrationEvent.SocialAccountId, integrationEvent.TenantId);
    }

    public async Task HandleAsync(AccountReconnected integrationEvent, CancellationToken cancellationToken)
    {
        var breaker = await db.LockBreakerAsync(integrationEvent.TenantId, integrationEvent.SocialAccountId, cancellationToken);
        if (breaker is { IsPaused: true, WaitsForReconnect: false })
        {
            // Someone paused the account on purpose (or the breaker did, on other failures): that pause keeps its own end.
            return;
        }
        if (breaker is not null)
        {
            db.Breakers.Remove(breaker);
            await db.SaveChangesAsync(cancellationToken);
        }
        var released = await queue.ReleaseDeferredAsync(integrationEvent.SocialAccountId, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Account {AccountId} of tenant {TenantId} was reconnected; {Released} waiting targets due now",
            integrationEvent.SocialAccountId, integrationEvent.TenantId, released);
    }
}

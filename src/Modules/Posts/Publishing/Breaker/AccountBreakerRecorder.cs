using Microsoft.Extensions.Logging;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.SharedKernel.Events;

namespace Platform.Posts.Publishing.Breaker;

/// <summary>
/// Feeds an attempt's outcome to its account's breaker, in the unit of work that records the outcome: failures that
/// say the account is unhealthy are counted and open the breaker at the threshold, an answer that shows the account
/// works resets the count, and the trial's outcome closes the breaker (sending what waited at once) or opens it again.
/// </summary>
internal sealed class AccountBreakerRecorder(PostsDbContext db, PublishQueue queue, Outbox outbox, PublishingOptions options, ILogger<AccountBreakerRecorder> logger)
{
    private CircuitBreakerOptions Settings => options.CircuitBreaker;

    /// <summary>
    /// Locks the breaker rows of the accounts the outcomes belong to, in account order, after creating (in the same order)
    /// those an unhealthy outcome is about to count on. Created one by one in the order the answers came, two batches of
    /// one tenant could each hold a new row the other waits for.
    /// </summary>
    public async Task<Dictionary<Guid, AccountBreaker>> LockAsync(
        Guid tenantId, IReadOnlyCollection<(Guid AccountId, PublishOutcome Outcome)> outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Settings.Enabled)
        {
            await db.CreateMissingBreakersAsync(tenantId,
                outcomes.Where(o => AccountSignals.Of(o.Outcome) == AccountSignal.Unhealthy).Select(o => o.AccountId), now, cancellationToken);
        }
        return await db.LockBreakersAsync(tenantId, outcomes.Select(o => o.AccountId), cancellationToken);
    }

    /// <param name="target">The target with the outcome already applied: its error is the failure's.</param>
    /// <param name="breakers">The rows <see cref="LockAsync"/> locked, by account; rows this creates or closes join or leave it.</param>
    public async Task RecordAsync(PostTarget target, PublishOutcome outcome, IDictionary<Guid, AccountBreaker> breakers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var signal = AccountSignals.Of(outcome);
        if (!breakers.TryGetValue(target.SocialAccountId, out var breaker))
        {
            if (signal != AccountSignal.Unhealthy || !Settings.Enabled)
            {
                return;
            }
            breaker = await db.LockOrCreateBreakerAsync(target.TenantId, target.SocialAccountId, now, cancellationToken);
            breakers[target.SocialAccountId] = breaker;
        }
        var trial = breaker.TrialTargetId == target.Id;
        switch (signal)
        {
            // An attempt that was already under way when the pause began ends nothing: only the trial or a user does.
            case AccountSignal.Works when trial || !breaker.IsPaused:
                db.Breakers.Remove(breaker);
                breakers.Remove(target.SocialAccountId);
                if (trial)
                {
                    await outbox.AddAsync([breaker.Resumed(AccountResumeCause.TrialPassed, now)], cancellationToken);
                    var released = await queue.ReleaseDeferredAsync(target.SocialAccountId, now, cancellationToken);
                    logger.LogInformation("Account {AccountId} passed its trial; publishing resumed, {Released} waiting targets due now", target.SocialAccountId, released);
                }
                break;
            case AccountSignal.Unhealthy:
                breaker.RecordFailure(target.ErrorKind ?? TargetErrorKind.Unknown, target.ErrorMessage ?? "", now);
                if (trial || (!breaker.IsPaused && Settings.Enabled && breaker.ConsecutiveFailures >= Settings.FailureThreshold))
                {
                    var until = now + Settings.BreakDuration;
                    var wasPaused = breaker.IsPaused;
                    breaker.Open($"{breaker.ConsecutiveFailures} failures in a row, the last {breaker.LastErrorKind}: {breaker.LastError}", until, now);
                    if (!wasPaused)
                    {
                        await outbox.AddAsync([breaker.Paused(AccountPauseCause.Failures, now)], cancellationToken);
                    }
                    logger.LogWarning("Publishing to account {AccountId} of tenant {TenantId} paused until {Until} after {Failures} failures{Trial}",
                        target.SocialAccountId, target.TenantId, until, breaker.ConsecutiveFailures, trial ? ", the trial included" : "");
                }
                break;
            // The trial taught nothing (a lookup, a limit of ours, a permanent refusal): the targets that waited for it were
            // put off until its lease ran out; they come now, and the next one to arrive is the trial.
            case AccountSignal.Silent when trial:
                breaker.EndTrial(now);
                await queue.ReleaseDeferredAsync(target.SocialAccountId, now, cancellationToken);
                break;
        }
    }
}

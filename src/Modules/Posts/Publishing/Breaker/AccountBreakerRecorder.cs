using Microsoft.Extensions.Logging;
using Platform.Posts.Data;

namespace Platform.Posts.Publishing.Breaker;

/// <summary>
/// Feeds an attempt's outcome to its account's breaker, in the unit of work that records the outcome: failures that
/// say the account is unhealthy are counted and open the breaker at the threshold, an answer that shows the account
/// works resets the count, and the trial's outcome closes the breaker (sending what waited at once) or opens it again.
/// </summary>
internal sealed class AccountBreakerRecorder(PostsDbContext db, PublishQueue queue, PublishingOptions options, ILogger<AccountBreakerRecorder> logger)
{
    private CircuitBreakerOptions Settings => options.CircuitBreaker;

    /// <param name="target">The target with the outcome already applied: its error is the failure's.</param>
    /// <param name="breakers">The locked breaker rows of the accounts at hand, by account; rows this creates or closes join or leave it.</param>
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
                    var released = await queue.ReleaseDeferredAsync(target.SocialAccountId, now, cancellationToken);
                    logger.LogInformation("Account {AccountId} passed its trial; publishing resumed, {Released} waiting targets due now", target.SocialAccountId, released);
                }
                break;
            case AccountSignal.Unhealthy:
                breaker.RecordFailure(target.ErrorKind ?? TargetErrorKind.Unknown, target.ErrorMessage ?? "", now);
                if (trial || (!breaker.IsPaused && Settings.Enabled && breaker.ConsecutiveFailures >= Settings.FailureThreshold))
                {
                    var until = now + Settings.BreakDuration;
                    breaker.Open($"{breaker.ConsecutiveFailures} failures in a row, the last {breaker.LastErrorKind}: {breaker.LastError}", until, now);
                    logger.LogWarning("Publishing to account {AccountId} of tenant {TenantId} paused until {Until} after {Failures} failures{Trial}",
                        target.SocialAccountId, target.TenantId, until, breaker.ConsecutiveFailures, trial ? ", the trial included" : "");
                }
                break;
            case AccountSignal.Silent when trial:
                breaker.EndTrial(now);
                break;
        }
    }
}

using Platform.Posts.Data;

namespace Platform.Posts.Publishing.Breaker;

/// <summary>
/// Decides, in the unit of work that would start an attempt, whether the target's account may be called now. A paused
/// account's targets wait for the pause to end without using an attempt or calling the platform; once a breaker pause
/// has run out, exactly one of them goes through as the trial (the breaker row's lock makes that hold across hosts).
/// </summary>
internal sealed class AccountBreakerGate(PostsDbContext db, PublishingOptions options)
{
    /// <param name="breakers">The locked breaker rows of the accounts at hand, by account; a row this closes leaves it.</param>
    /// <param name="resumed">Gets the event of each pause this finds over, for the caller's outbox.</param>
    /// <returns>Null when the target may be attempted now; otherwise why it waits, and until when.</returns>
    public Deferral? Check(PostTarget target, IDictionary<Guid, AccountBreaker> breakers, ICollection<Contracts.AccountPublishingResumed> resumed, DateTimeOffset now)
    {
        if (!breakers.TryGetValue(target.SocialAccountId, out var breaker) || !breaker.IsPaused)
        {
            return null;
        }
        if (breaker.UserPauseEnded(now))
        {
            resumed.Add(breaker.Resumed(Contracts.AccountResumeCause.PauseEnded, now));
            db.Breakers.Remove(breaker);
            breakers.Remove(target.SocialAccountId);
            return null;
        }
        if (!breaker.IsHalfOpen(now))
        {
            // A pause without an end is looked at again every break, until someone resumes it.
            var until = breaker.PausedUntil ?? now + options.CircuitBreaker.BreakDuration;
            var end = breaker.PausedUntil is { } pausedUntil ? $"until {pausedUntil:u}" : "until resumed";
            return new Deferral(Deferral.AccountPaused, $"Publishing to this account is paused {end}: {breaker.PauseReason}", until);
        }
        if (breaker.MayBeTrial(target.Id, now))
        {
            // The trial's right lasts as long as its claim: if its worker dies, another target may try when the claim would have run out.
            breaker.StartTrial(target.Id, now + options.Lease, now);
            return null;
        }
        return new Deferral(Deferral.AccountPaused,
            $"Publishing to this account is paused ({breaker.PauseReason}); another post is being sent to check that it works again.", breaker.TrialUntil!.Value);
    }
}

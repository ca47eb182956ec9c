namespace Platform.Posts.Publishing;

/// <summary>
/// How many attempts a target gets (the first included), how long it waits between them, and how long after a last
/// attempt whose outcome was lost the post is looked up one final time.
/// </summary>
internal sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan FinalLookupDelay)
{
    public static RetryPolicy From(PublishingOptions options) => new(options.MaxAttempts, options.RetryBaseDelay, options.FinalLookupDelay);

    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter) => RetrySchedule.Delay(attempt, BaseDelay, retryAfter);

    /// <summary>
    /// Whether attempt <paramref name="number"/> is the lookup that follows the last attempt: its number is past the
    /// attempts, since only a target whose attempts are used up starts one (<see cref="Data.PostTarget.OnlyLookupLeft"/>).
    /// </summary>
    public bool IsFinalLookup(int number) => number > MaxAttempts;
}

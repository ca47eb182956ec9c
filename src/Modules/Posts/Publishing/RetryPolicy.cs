namespace Platform.Posts.Publishing;

/// <summary>How many attempts a target gets (the first included), and how long it waits between them.</summary>
internal sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay)
{
    public static RetryPolicy From(PublishingOptions options) => new(options.MaxAttempts, options.RetryBaseDelay);

    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter) => RetrySchedule.Delay(attempt, BaseDelay, retryAfter);
}

namespace Platform.Posts.Publishing;

/// <summary>Exponential backoff with jitter, never sooner than the platform's Retry-After.</summary>
internal static class RetrySchedule
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan? retryAfter) =>
        Delay(attempt, baseDelay, retryAfter, Random.Shared.NextDouble());

    /// <param name="jitterSample">A number in [0, 1): spreads the delay over ±20% so that targets failed together do not retry together.</param>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan? retryAfter, double jitterSample)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        var jittered = exponential * (0.8 + jitterSample * 0.4);
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}

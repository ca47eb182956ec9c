namespace Platform.Posts.Publishing;

/// <summary>Exponential backoff with jitter, never sooner than the platform's Retry-After.</summary>
internal static class RetrySchedule
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan? retryAfter)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Max(0, attempt - 1));
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return retryAfter is { } floor && floor > jittered ? floor : jittered;
    }
}

namespace Platform.Posts.Publishing.Breaker;

/// <summary>Section <c>Publishing:CircuitBreaker</c>: when an account's publishing pauses on its own, and for how long.</summary>
internal sealed class CircuitBreakerOptions
{
    /// <summary>
    /// Consecutive failures that say the account is unhealthy (timeouts, 5xx, the platform's rate limits, expired or
    /// revoked tokens) before publishing to it pauses; 0 turns the automatic pause off (a user's pause still holds).
    /// </summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long a pause lasts before one trial target tests the account; a failed trial pauses it this long again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => FailureThreshold > 0;
}

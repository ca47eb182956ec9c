namespace Platform.Host.Pipeline.RateLimiting;

internal readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter);

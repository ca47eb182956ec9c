using Microsoft.Extensions.Options;
using Platform.Posts.Publishing.Breaker;

namespace Platform.Posts.Publishing;

/// <summary>Section <c>Publishing</c>.</summary>
internal sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Run the due-work dispatcher in this process.</summary>
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>Targets published at once by this process; never more than the connection pool can serve (see <see cref="InFlight"/>).</summary>
    public int MaxConcurrency { get; set; } = 256;
    /// <summary>Targets claimed per round trip.</summary>
    public int ClaimBatchSize { get; set; } = 256;
    /// <summary>How long a claim holds before another worker may take the target over (and treat its outcome as unknown).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Longest sleep between looks at the queue when nothing wakes the dispatcher.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Attempts per target, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// After the last attempt's outcome was lost (a timeout, a dropped answer, a 5xx after sending), how long to wait before
    /// the one lookup that decides between PUBLISHED, FAILED and UNCONFIRMED: time for the platform to list the post.
    /// </summary>
    public TimeSpan FinalLookupDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Work that fell due while no host ran is still published when at most this late; beyond, it is flagged as missed.</summary>
    public TimeSpan MissedWindow { get; set; } = TimeSpan.FromHours(1);
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Connections left to the rest of the host (claims, starts and records, the outbox, listeners).</summary>
    public const int ReservedConnections = 8;

    /// <summary>
    /// How many targets may be in flight. A target no longer holds a connection while its platform answers, but it takes
    /// one briefly before and after the call (the account's read, a token refresh that waits on the platform under the
    /// account's row lock, the last sync): kept within the pool until it is shown that a burst of more cannot leave those
    /// waiting for a connection until they time out.
    /// </summary>
    public int InFlight(int maxPoolSize) => Math.Max(1, Math.Min(MaxConcurrency, maxPoolSize - ReservedConnections));

    public sealed class Validation : IValidateOptions<PublishingOptions>
    {
        public ValidateOptionsResult Validate(string? name, PublishingOptions options)
        {
            var failures = Problems(options).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static IEnumerable<string> Problems(PublishingOptions options)
        {
            if (options.MaxConcurrency < 1)
            {
                yield return $"{Section}:MaxConcurrency must be at least 1.";
            }
            if (options.ClaimBatchSize < 1)
            {
                yield return $"{Section}:ClaimBatchSize must be at least 1.";
            }
            // A third of the lease is the send window: shorter leaves no time for a request to leave.
            if (options.Lease < TimeSpan.FromSeconds(3))
            {
                yield return $"{Section}:Lease must be at least three seconds.";
            }
            if (options.IdlePoll <= TimeSpan.Zero)
            {
                yield return $"{Section}:IdlePoll must be positive.";
            }
            if (options.MaxAttempts < 1)
            {
                yield return $"{Section}:MaxAttempts must be at least 1.";
            }
            if (options.RetryBaseDelay < TimeSpan.Zero)
            {
                yield return $"{Section}:RetryBaseDelay must not be negative.";
            }
            if (options.FinalLookupDelay < TimeSpan.Zero)
            {
                yield return $"{Section}:FinalLookupDelay must not be negative.";
            }
            if (options.MissedWindow <= TimeSpan.Zero)
            {
                yield return $"{Section}:MissedWindow must be positive.";
            }
            if (options.CircuitBreaker.FailureThreshold < 0)
            {
                yield return $"{Section}:CircuitBreaker:FailureThreshold must be 0 (off) or more.";
            }
            if (options.CircuitBreaker.BreakDuration <= TimeSpan.Zero)
            {
                yield return $"{Section}:CircuitBreaker:BreakDuration must be positive.";
            }
        }
    }
}

using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Caching;

/// <summary>
/// Section <c>Cache</c>: the in-process (L1) and Redis (L2) cache of hot reads. The expirations are a safety net only: every
/// change invalidates its entries on every host when it commits, so they bound how long a missed invalidation (Redis
/// unreachable at that moment) can leave a host serving the old value.
/// </summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Off: every read goes to the database (for comparing, or ruling the cache out).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a host keeps an entry in its own memory.</summary>
    public int LocalExpirationSeconds { get; set; } = 60;

    /// <summary>How long an entry lives in Redis.</summary>
    public int DistributedExpirationSeconds { get; set; } = 300;

    public TimeSpan LocalExpiration => TimeSpan.FromSeconds(LocalExpirationSeconds);

    public TimeSpan DistributedExpiration => TimeSpan.FromSeconds(DistributedExpirationSeconds);

    public sealed class Validation : IValidateOptions<CacheOptions>
    {
        private const int Day = 24 * 60 * 60;

        public ValidateOptionsResult Validate(string? name, CacheOptions options)
        {
            var failures = new List<string>();
            if (options.LocalExpirationSeconds is < 1 or > Day)
            {
                failures.Add($"{Section}:LocalExpirationSeconds must be between 1 and {Day} (Cache__LocalExpirationSeconds).");
            }
            if (options.DistributedExpirationSeconds is < 1 or > Day)
            {
                failures.Add($"{Section}:DistributedExpirationSeconds must be between 1 and {Day} (Cache__DistributedExpirationSeconds).");
            }
            if (options.LocalExpirationSeconds > options.DistributedExpirationSeconds)
            {
                failures.Add($"{Section}:LocalExpirationSeconds must not exceed {Section}:DistributedExpirationSeconds: a host would keep what Redis already dropped.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

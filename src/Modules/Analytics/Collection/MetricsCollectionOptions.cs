using Microsoft.Extensions.Options;

namespace Platform.Analytics.Collection;

/// <summary>Section <c>Analytics</c>: how long a published target's metrics keep being fetched, how often a tenant may ask for
/// a fetch now, and how long a report may span.</summary>
internal sealed class MetricsCollectionOptions
{
    public const string Section = "Analytics";

    /// <summary>After the fixed fetches (1 h, 6 h, 24 h, 3 d, 7 d), one a week until the post is this old.</summary>
    public TimeSpan TrackFor { get; set; } = TimeSpan.FromDays(28);

    /// <summary>After a tenant asks for a fetch now, how long before it may ask again.</summary>
    public TimeSpan RefreshCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest span between a report's <c>from</c> and <c>to</c> days.</summary>
    public int MaxReportDays { get; set; } = 731;

    /// <summary>Longest a post may be tracked: a year of weekly fetches is already 52 jobs per target.</summary>
    public static readonly TimeSpan MaxTrackFor = TimeSpan.FromDays(365);

    public sealed class Validation : IValidateOptions<MetricsCollectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsCollectionOptions options)
        {
            var failures = new List<string>();
            if (options.TrackFor < TimeSpan.FromHours(1) || options.TrackFor > MaxTrackFor)
            {
                failures.Add($"{Section}:TrackFor must be between 01:00:00 and {MaxTrackFor.TotalDays} days.");
            }
            if (options.RefreshCooldown < TimeSpan.FromSeconds(1) || options.RefreshCooldown > TimeSpan.FromDays(1))
            {
                failures.Add($"{Section}:RefreshCooldown must be between 00:00:01 and 1.00:00:00.");
            }
            if (options.MaxReportDays is < 1 or > 3660)
            {
                failures.Add($"{Section}:MaxReportDays must be between 1 and 3660.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

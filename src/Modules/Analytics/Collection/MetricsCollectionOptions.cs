using Microsoft.Extensions.Options;

namespace Platform.Analytics.Collection;

/// <summary>Section <c>Analytics</c>: how long a published target's metrics keep being fetched.</summary>
internal sealed class MetricsCollectionOptions
{
    public const string Section = "Analytics";

    /// <summary>After the fixed fetches (1 h, 6 h, 24 h, 3 d, 7 d), one a week until the post is this old.</summary>
    public TimeSpan TrackFor { get; set; } = TimeSpan.FromDays(28);

    /// <summary>Longest a post may be tracked: a year of weekly fetches is already 52 jobs per target.</summary>
    public static readonly TimeSpan MaxTrackFor = TimeSpan.FromDays(365);

    public sealed class Validation : IValidateOptions<MetricsCollectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsCollectionOptions options) =>
            options.TrackFor < TimeSpan.FromHours(1) || options.TrackFor > MaxTrackFor
                ? ValidateOptionsResult.Fail($"{Section}:TrackFor must be between 01:00:00 and {MaxTrackFor.TotalDays} days.")
                : ValidateOptionsResult.Success;
    }
}

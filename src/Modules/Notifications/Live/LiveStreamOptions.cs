using Microsoft.Extensions.Options;

namespace Platform.Notifications.Live;

/// <summary>Section <c>Notifications:Stream</c>: the live stream of notifications, post and account changes.</summary>
internal sealed class LiveStreamOptions
{
    public const string Section = "Notifications:Stream";

    /// <summary>How long a stream may stay silent before a comment line is sent, so proxies keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many recent events of each tenant Redis keeps for clients resuming with <c>Last-Event-ID</c>.</summary>
    public int ReplayLength { get; set; } = 1000;

    /// <summary>Events waiting for one slow client; past this its stream ends and it resumes from its last event.</summary>
    public int ClientBuffer { get; set; } = 256;

    /// <summary>Events waiting to be published to Redis; past this new ones are dropped (and logged).</summary>
    public int PublishBuffer { get; set; } = 10_000;

    internal sealed class Validation : IValidateOptions<LiveStreamOptions>
    {
        public ValidateOptionsResult Validate(string? name, LiveStreamOptions options)
        {
            var failures = new List<string>();
            if (options.HeartbeatInterval < TimeSpan.FromMilliseconds(50) || options.HeartbeatInterval > TimeSpan.FromMinutes(5))
            {
                failures.Add($"{Section}:HeartbeatInterval must be between 00:00:00.05 and 00:05:00.");
            }
            if (options.ReplayLength is < 10 or > 100_000)
            {
                failures.Add($"{Section}:ReplayLength must be between 10 and 100000.");
            }
            if (options.ClientBuffer is < 8 or > 100_000)
            {
                failures.Add($"{Section}:ClientBuffer must be between 8 and 100000.");
            }
            if (options.PublishBuffer is < 100 or > 1_000_000)
            {
                failures.Add($"{Section}:PublishBuffer must be between 100 and 1000000.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

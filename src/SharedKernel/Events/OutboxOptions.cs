using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Events;

/// <summary>The <c>Outbox</c> settings: who delivers, how often a row is tried, how long delivered rows are kept.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Deliver events from this host.</summary>
    public bool ProcessorEnabled { get; set; } = true;

    /// <summary>Attempts per row; a row that used them all is dead and waits for an operator's retry.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Delivered rows older than this are deleted.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a host deletes delivered rows past <see cref="RetainDelivered"/>.</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromMinutes(10);

    private IEnumerable<string> Problems()
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return "Outbox:MaxAttempts must be between 1 and 100.";
        }
        if (RetainDelivered <= TimeSpan.Zero)
        {
            yield return "Outbox:RetainDelivered must be a positive time span (for example 7.00:00:00).";
        }
        if (PurgeEvery < TimeSpan.FromSeconds(1))
        {
            yield return "Outbox:PurgeEvery must be at least one second.";
        }
    }

    /// <summary>Checked at start-up: an invalid value stops the host with a message naming the setting.</summary>
    public sealed class Validation : IValidateOptions<OutboxOptions>
    {
        public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

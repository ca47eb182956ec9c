using Microsoft.Extensions.Options;

namespace Platform.Audit;

/// <summary>Section <c>Audit</c>.</summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The floor <c>audit.prune</c> also enforces, so even the app role cannot empty the log of its last month.</summary>
    public const int MinRetainDays = 30;

    /// <summary>Entries older than this many days are deleted by the daily retention job.</summary>
    public int RetainDays { get; set; } = 365;

    public sealed class Validation : IValidateOptions<AuditOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
            options.RetainDays >= MinRetainDays
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:RetainDays must be at least {MinRetainDays} (Audit__RetainDays).");
    }
}

using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline.RateLimiting;

/// <summary>Section <c>RateLimiting</c>: how many API requests one caller may make.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests a minute, per user when signed in, per client address otherwise.</summary>
    public int PermitsPerMinute { get; set; } = 100;

    public sealed class Validation : IValidateOptions<RateLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
            options.PermitsPerMinute >= 1
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:PermitsPerMinute must be at least 1 (RateLimiting__PermitsPerMinute).");
    }
}

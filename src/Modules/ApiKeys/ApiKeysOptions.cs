using Microsoft.Extensions.Options;

namespace Platform.ApiKeys;

/// <summary>Section <c>ApiKeys</c>.</summary>
internal sealed class ApiKeysOptions
{
    public const string Section = "ApiKeys";
    private static readonly TimeSpan LongestValidationCache = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a host trusts a key it looked up without asking the database again: the longest a revocation made on
    /// another host takes to bite (the revoking host forgets the key at once).
    /// </summary>
    public TimeSpan ValidationCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Last use (time and client address) is written at most this often per key.</summary>
    public TimeSpan LastUsedInterval { get; set; } = TimeSpan.FromMinutes(1);

    public sealed class Validation : IValidateOptions<ApiKeysOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApiKeysOptions options)
        {
            var failures = new List<string>();
            if (options.ValidationCacheDuration < TimeSpan.Zero || options.ValidationCacheDuration > LongestValidationCache)
            {
                failures.Add($"{Section}:ValidationCacheDuration must be between 00:00:00 and {LongestValidationCache} (ApiKeys__ValidationCacheDuration).");
            }
            if (options.LastUsedInterval < TimeSpan.FromSeconds(1))
            {
                failures.Add($"{Section}:LastUsedInterval must be at least 00:00:01 (ApiKeys__LastUsedInterval).");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

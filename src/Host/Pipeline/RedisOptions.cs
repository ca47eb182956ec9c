using Microsoft.Extensions.Options;

namespace Platform.Host.Pipeline;

/// <summary>Section <c>Redis</c> (the connection itself is <c>ConnectionStrings:Redis</c>; without it counters stay in memory).</summary>
internal sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>Prefix of every key this deployment writes, so that environments sharing one Redis never meet.</summary>
    public string InstanceName { get; set; } = "platform:";

    public sealed class Validation : IValidateOptions<RedisOptions>
    {
        public ValidateOptionsResult Validate(string? name, RedisOptions options) =>
            string.IsNullOrWhiteSpace(options.InstanceName) || options.InstanceName.Any(char.IsWhiteSpace)
                ? ValidateOptionsResult.Fail($"{Section}:InstanceName must be a non-empty prefix without spaces (Redis__InstanceName).")
                : ValidateOptionsResult.Success;
    }
}

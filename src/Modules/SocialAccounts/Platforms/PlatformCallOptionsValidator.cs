using Microsoft.Extensions.Options;

namespace Platform.SocialAccounts.Platforms;

/// <summary>Refuses at start-up a platform call timeout that is not a positive number of seconds up to ten minutes.</summary>
internal sealed class PlatformCallOptionsValidator : IValidateOptions<PlatformCallOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformCallOptions options) =>
        options.HttpTimeoutSeconds is > 0 and <= 600
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PlatformCallOptions.Section}:HttpTimeoutSeconds must be above 0 and at most 600 seconds (it is {options.HttpTimeoutSeconds}).");
}

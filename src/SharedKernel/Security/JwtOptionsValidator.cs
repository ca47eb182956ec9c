using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Security;

/// <summary>Refuses a missing, short or published <c>Jwt:SigningKey</c> at start-up: whoever knows it can mint any user's token.</summary>
public sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        SecretKeyRules.ValidateText($"{JwtOptions.Section}:{nameof(JwtOptions.SigningKey)}", options.SigningKey, MinimumKeyBytes, environment);
}

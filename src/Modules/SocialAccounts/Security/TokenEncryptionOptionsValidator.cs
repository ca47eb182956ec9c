using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;

namespace Platform.SocialAccounts.Security;

/// <summary>
/// Refuses at start-up: no key, a key that is not base64 of 32 bytes, a current key id that names no key, and
/// outside Development the published development key (tokens under it are readable by anyone with the repository).
/// </summary>
internal sealed class TokenEncryptionOptionsValidator(IHostEnvironment environment) : IValidateOptions<TokenEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenEncryptionOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add($"{TokenEncryptionOptions.KeySetting("<id>")} is not set: set one key (environment variable " +
                $"{SecretKeyRules.EnvironmentName(TokenEncryptionOptions.KeySetting("<id>"))}) to base64 of {TokenEncryptionOptions.KeyBytes} random bytes.");
        }
        foreach (var (id, value) in options.Keys)
        {
            var setting = TokenEncryptionOptions.KeySetting(id);
            if (TokenEncryptionOptions.Decode(value) is null)
            {
                failures.Add($"{setting} must be base64 of exactly {TokenEncryptionOptions.KeyBytes} bytes (AES-256), e.g. the output of `head -c 32 /dev/urandom | base64`.");
            }
            else if (SecretKeyRules.IsRefusedDevelopmentKey(value, environment))
            {
                failures.Add(SecretKeyRules.RefusedDevelopmentKey(setting, environment));
            }
        }
        if (options.Keys.Count > 0 && !options.Keys.ContainsKey(options.EffectiveCurrentKeyId))
        {
            failures.Add($"{TokenEncryptionOptions.Section}:CurrentKeyId names key '{options.EffectiveCurrentKeyId}', which is not configured.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.SharedKernel.Security;

/// <summary>
/// The start-up checks every key setting shares: present, long enough, and not a published development key
/// outside Development. Each failure names the setting and its environment-variable spelling.
/// </summary>
public static class SecretKeyRules
{
    /// <summary>The options result for one text key setting (<see cref="CheckText"/>).</summary>
    public static ValidateOptionsResult ValidateText(string setting, string? value, int minimumBytes, IHostEnvironment environment)
    {
        var failures = CheckText(setting, value, minimumBytes, environment).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IEnumerable<string> CheckText(string setting, string? value, int minimumBytes, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"{setting} is not set: set it (environment variable {EnvironmentName(setting)}) to a random secret of at least {minimumBytes} bytes.";
            yield break;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        if (length < minimumBytes)
        {
            yield return $"{setting} is too short ({length} bytes): set it (environment variable {EnvironmentName(setting)}) to a random secret of at least {minimumBytes} bytes.";
        }
        if (IsRefusedDevelopmentKey(value, environment))
        {
            yield return RefusedDevelopmentKey(setting, environment);
        }
    }

    public static bool IsRefusedDevelopmentKey(string value, IHostEnvironment environment) =>
        !environment.IsDevelopment() && DevelopmentKeys.All.Contains(value.Trim());

    public static string RefusedDevelopmentKey(string setting, IHostEnvironment environment) =>
        $"{setting} is a built-in development key, which is public; the {environment.EnvironmentName} environment needs its own: " +
        $"set {setting} (environment variable {EnvironmentName(setting)}) to a new random secret.";

    public static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);
}

using Microsoft.Extensions.Options;

namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// Refuses at start-up a platform's options that could not work, naming the setting: endpoints that are not absolute
/// http(s) URLs, no scopes, or polling that never waits or never asks.
/// </summary>
internal sealed class PlatformOptionsValidator(PlatformCatalog catalog) : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        var descriptor = catalog.All.FirstOrDefault(d => d.Platform.ToString() == name);
        if (descriptor is null)
        {
            return ValidateOptionsResult.Skip;
        }
        var section = descriptor.OptionsSection;
        var failures = new List<string>();
        foreach (var (setting, value, required) in new[]
        {
            (nameof(options.AuthorizeUrl), options.AuthorizeUrl, true),
            (nameof(options.TokenUrl), options.TokenUrl, true),
            (nameof(options.ApiBaseUrl), options.ApiBaseUrl, true),
            (nameof(options.RevokeUrl), options.RevokeUrl, false),
            (nameof(options.RefreshUrl), options.RefreshUrl, false),
            (nameof(options.RedirectUri), options.RedirectUri, false),
        })
        {
            if ((required || !string.IsNullOrEmpty(value)) && !IsHttpUrl(value))
            {
                failures.Add($"{section}:{setting} must be an absolute http(s) URL; it is '{value}'.");
            }
        }
        if (options.ScopeList.Count == 0)
        {
            failures.Add($"{section}:Scopes must name the scopes to ask for.");
        }
        if (options.PollIntervalSeconds < 0)
        {
            failures.Add($"{section}:PollIntervalSeconds must be 0 or more.");
        }
        if (options.MaxPolls < 1)
        {
            failures.Add($"{section}:MaxPolls must be at least 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

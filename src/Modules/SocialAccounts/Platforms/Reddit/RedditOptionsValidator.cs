using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// Refuses at start-up a Reddit app whose User-Agent would not be in Reddit's required format: a part that is empty, holds
/// a colon or white space, or a username Reddit could not have issued (3 to 20 letters, digits, '_' or '-').
/// </summary>
internal sealed partial class RedditOptionsValidator : IValidateOptions<RedditOptions>
{
    public ValidateOptionsResult Validate(string? name, RedditOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        foreach (var (setting, value) in new[] { ("AppPlatform", options.AppPlatform), ("AppId", options.AppId), ("AppVersion", options.AppVersion) })
        {
            if (!Part().IsMatch(value ?? ""))
            {
                failures.Add($"{RedditOptions.Section}:{setting} must be set, without colons or spaces: it is part of the User-Agent Reddit requires ('{options.UserAgent}').");
            }
        }
        if (!Username().IsMatch(options.Username ?? ""))
        {
            failures.Add($"{RedditOptions.Section}:Username must be the Reddit username (3-20 letters, digits, '_' or '-', without /u/) " +
                "that Reddit may contact about this app; it goes in the User-Agent as '(by /u/<username>)'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^[^:\s]+$")]
    private static partial Regex Part();

    [GeneratedRegex("^[A-Za-z0-9_-]{3,20}$")]
    private static partial Regex Username();
}

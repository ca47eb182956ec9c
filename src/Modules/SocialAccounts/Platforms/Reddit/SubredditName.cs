using System.Text.RegularExpressions;

namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// A subreddit as people write it (<c>r/test</c>, <c>/r/test/</c>, <c> test </c>) reduced to the bare name that
/// Reddit's <c>sr</c> parameter takes (https://www.reddit.com/dev/api#POST_api_submit). Community names are letters,
/// digits and underscores, at most 21 characters; some early communities have two-letter names, so two is the shortest
/// accepted.
/// </summary>
internal static partial class SubredditName
{
    /// <returns>The bare name, or null when what is left is not a subreddit name.</returns>
    public static string? Normalize(string? written)
    {
        if (written is null)
        {
            return null;
        }
        var name = written.Trim().Trim('/');
        if (name.StartsWith("r/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[2..];
        }
        return Pattern().IsMatch(name) ? name : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>The pieces every platform's lookup after a lost answer shares: the time bound and comparing texts as platforms rewrite them.</summary>
internal static partial class PostMatch
{
    /// <summary>How many of an account's latest posts a lookup reads.</summary>
    public const int RecentCount = 25;

    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    /// <summary>Our post cannot be older than the lost attempt; a few minutes of clock difference are allowed, an unknown time may be ours.</summary>
    public static bool IsRecentEnough(DateTimeOffset? createdAt, DateTimeOffset lostSince) =>
        createdAt is null || createdAt >= lostSince - ClockSlack;

    /// <summary>
    /// Whether the text the platform shows is the text we sent: case, whitespace and links (which platforms shorten) do
    /// not count; a long text (20 characters or more) the platform cut still matches by its start; an empty one never.
    /// </summary>
    public static bool SameText(string? seen, string? sent)
    {
        var shown = Normalize(seen);
        var wanted = Normalize(sent);
        return shown.Length > 0 &&
            (shown == wanted || (wanted.Length >= 20 && (shown.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(shown, StringComparison.Ordinal))));
    }

    /// <summary>Whether two fields the platform keeps as sent (a title, a board, a link) are the same, ignoring case and surrounding whitespace.</summary>
    public static bool SameField(string? seen, string? sent) =>
        string.Equals((seen ?? "").Trim(), (sent ?? "").Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The first post, in the platform's order, whose text matches and which is recent enough.</summary>
    public static RecentPost? ByText(IEnumerable<RecentPost> recent, string? text, DateTimeOffset lostSince) =>
        recent.FirstOrDefault(post => IsRecentEnough(post.CreatedAt, lostSince) && SameText(post.Text, text));

    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Whitespace().Replace(Links().Replace(text, ""), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

using System.Text.RegularExpressions;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The matching rule Posts applies to recent posts after a lost answer (Platform.Posts.Publishing.Reconciliation is
/// internal to its module): same text once links and whitespace are set aside (or a prefix of at least 20 characters),
/// created no earlier than five minutes before the lost attempt. Kept identical so a miss here is a duplicate there.
/// </summary>
internal static partial class ReconciliationRule
{
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    public static RecentPost? FindMatch(IEnumerable<RecentPost> recent, string? text, DateTimeOffset lostSince)
    {
        var wanted = Normalize(text);
        return recent.FirstOrDefault(post =>
            (post.CreatedAt is null || post.CreatedAt >= lostSince - ClockSlack) &&
            Normalize(post.Text) is { Length: > 0 } seen &&
            (seen == wanted || (wanted.Length >= 20 && (seen.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(seen, StringComparison.Ordinal)))));
    }

    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Whitespace().Replace(Links().Replace(text, ""), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

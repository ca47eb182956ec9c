using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Posts.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>Finds our post among an account's recent posts, for an attempt whose outcome was lost.</summary>
internal static partial class Reconciliation
{
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The start of the target's first attempt whose outcome is unknown (or was never recorded): our post cannot be
    /// older. Null when there is none.
    /// </summary>
    public static Task<DateTimeOffset?> LostSinceAsync(PostsDbContext db, Guid targetId, CancellationToken cancellationToken) =>
        db.Attempts.Where(a => a.TargetId == targetId && (a.Outcome == AttemptOutcome.Unconfirmed || a.Outcome == AttemptOutcome.Started))
            .MinAsync(a => (DateTimeOffset?)a.StartedAt, cancellationToken);

    public static RecentPost? FindMatch(IEnumerable<RecentPost> recent, string? text, DateTimeOffset lostSince)
    {
        var wanted = Normalize(text);
        return recent.FirstOrDefault(post =>
            (post.CreatedAt is null || post.CreatedAt >= lostSince - ClockSlack) &&
            Normalize(post.Text) is { Length: > 0 } seen &&
            (seen == wanted || (wanted.Length >= 20 && (seen.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(seen, StringComparison.Ordinal)))));
    }

    // Platforms rewrite whitespace and shorten links; compare what survives.
    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Whitespace().Replace(Links().Replace(text, ""), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}

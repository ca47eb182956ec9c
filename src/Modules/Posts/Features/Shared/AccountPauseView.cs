using Microsoft.EntityFrameworkCore;
using Platform.Posts.Data;

namespace Platform.Posts.Features.Shared;

/// <summary>
/// Why, by whom and until when publishing to an account is paused. A <c>pausedUntil</c> in the past means the pause
/// ran out and the account's next post is sent as a trial: if it goes out, publishing resumes; if not, the pause starts over.
/// A null <c>pausedUntil</c>: paused by a user until resumed.
/// </summary>
internal sealed record AccountPauseView(string Reason, PauseSource PausedBy, DateTimeOffset PausedAt, DateTimeOffset? PausedUntil)
{
    public static AccountPauseView? Of(AccountBreaker? breaker, DateTimeOffset now) =>
        breaker is { PausedBy: { } source, PausedAt: { } since } && !breaker.UserPauseEnded(now)
            ? new AccountPauseView(breaker.PauseReason ?? "", source, since, breaker.PausedUntil)
            : null;

    /// <summary>The pauses of these accounts (of the current tenant), by account id; accounts that publish are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, AccountPauseView>> ForAccountsAsync(
        PostsDbContext db, IEnumerable<Guid> accountIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToList();
        var breakers = await db.Breakers.AsNoTracking().Where(b => ids.Contains(b.SocialAccountId) && b.PausedAt != null).ToListAsync(cancellationToken);
        return breakers.Select(b => (b.SocialAccountId, Pause: Of(b, now)))
            .Where(p => p.Pause is not null)
            .ToDictionary(p => p.SocialAccountId, p => p.Pause!);
    }
}

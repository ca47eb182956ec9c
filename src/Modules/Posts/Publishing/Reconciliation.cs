using Microsoft.EntityFrameworkCore;
using Platform.Posts.Data;

namespace Platform.Posts.Publishing;

/// <summary>Where a lookup after a lost outcome starts; what matches is each platform client's own rule.</summary>
internal static class Reconciliation
{
    /// <summary>
    /// The start of the target's first attempt whose outcome is unknown (or was never recorded): our post cannot be
    /// older. Null when there is none.
    /// </summary>
    public static Task<DateTimeOffset?> LostSinceAsync(PostsDbContext db, Guid targetId, CancellationToken cancellationToken) =>
        db.Attempts.Where(a => a.TargetId == targetId && (a.Outcome == AttemptOutcome.Unconfirmed || a.Outcome == AttemptOutcome.Started))
            .MinAsync(a => (DateTimeOffset?)a.StartedAt, cancellationToken);
}

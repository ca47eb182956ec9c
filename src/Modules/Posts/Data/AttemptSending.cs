using Microsoft.EntityFrameworkCore;

namespace Platform.Posts.Data;

/// <summary>Writes <see cref="TargetAttempt.SendingAt"/>: the mark that separates an attempt that may have published from one that cannot have.</summary>
internal static class AttemptSending
{
    /// <summary>Marks the attempt as reaching its send, unless it was closed meanwhile.</summary>
    /// <returns>Whether the attempt was still open, so that its worker may send.</returns>
    public static async Task<bool> MarkAsync(PostsDbContext db, Guid attemptId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"UPDATE posts.target_attempts SET sending_at = {now} WHERE id = {attemptId} AND finished_at IS NULL", cancellationToken) == 1;
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Platform.Posts.Data;

/// <summary>
/// The platform ids each attempt recorded on its way (<c>target_attempts.steps</c>): written one by one as the platform
/// answers them, read back merged (later attempts win) when the target is attempted again.
/// </summary>
internal static class AttemptSteps
{
    /// <summary>Adds one step to the attempt's record; its own statement, so it commits before the next platform request leaves.</summary>
    public static Task<int> RecordAsync(PostsDbContext db, Guid attemptId, string step, string value, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE posts.target_attempts SET steps = steps || jsonb_build_object({step}::text, {value}::text) WHERE id = {attemptId}", cancellationToken);

    /// <summary>For each target, the steps its earlier attempts recorded, the latest value of each step winning.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyDictionary<string, string>>> LatestAsync(
        PostsDbContext db, IReadOnlyCollection<Guid> targetIds, CancellationToken cancellationToken)
    {
        var ids = targetIds.ToArray();
        var rows = await db.Database.SqlQuery<RecordedRow>(
                $"SELECT target_id, steps::text AS steps FROM posts.target_attempts WHERE target_id = ANY({ids}) AND steps <> '{{}}'::jsonb ORDER BY started_at, attempt")
            .ToListAsync(cancellationToken);
        var latest = new Dictionary<Guid, IReadOnlyDictionary<string, string>>();
        foreach (var row in rows)
        {
            var merged = latest.TryGetValue(row.TargetId, out var known) ? new Dictionary<string, string>(known) : [];
            foreach (var (step, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.Steps) ?? [])
            {
                merged[step] = value;
            }
            latest[row.TargetId] = merged;
        }
        return latest;
    }

    private sealed class RecordedRow
    {
        public Guid TargetId { get; init; }
        public string Steps { get; init; } = "{}";
    }
}

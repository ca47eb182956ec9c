namespace Platform.PublishLab;

/// <summary>
/// A post a platform holds: it has it from the moment the request arrived, whether or not the caller saw the answer.
/// <see cref="OtherId"/> is a second documented name of the same post (Reddit's fullname <c>t3_</c> + id).
/// </summary>
public sealed record ReceivedPost(string UserId, string Text, string Id, DateTimeOffset ReceivedAt, string? OtherId = null)
{
    public bool IsNamed(string? id) => id is not null && (id == Id || id == OtherId);
}

/// <summary>A target as the database has it after the run.</summary>
public sealed record TargetOutcome(
    Guid TargetId, string Text, string Status, string? ErrorKind, string? PlatformPostId, bool Queued, int Attempts,
    DateTimeOffset? FirstStartedAt, DateTimeOffset? LastFinishedAt, DateTimeOffset? PublishedAt)
{
    public bool Settled => !Queued && Status is "published" or "failed" or "unconfirmed";
}

public sealed record Duplicate(string Text, int Sends);

public sealed record Loss(Guid TargetId, string Text, string Reason);

public sealed record LedgerReport(IReadOnlyList<Duplicate> Duplicates, IReadOnlyList<Loss> Losses, int Unconfirmed, int UnconfirmedButSent, int Published)
{
    /// <summary>Sends beyond the first, over every duplicated text.</summary>
    public int ExtraSends => Duplicates.Sum(d => d.Sends - 1);
}

/// <summary>
/// Compares what the platform received with what the database says. A duplicate is a text the platform received more
/// than once; a loss is a target that never settled, failed without the platform refusing it, or is marked published
/// under an id the platform never issued for its text.
/// </summary>
public static class Ledger
{
    public static LedgerReport Check(IReadOnlyCollection<ReceivedPost> received, IReadOnlyCollection<TargetOutcome> targets, IReadOnlySet<string>? refusedByPlatform = null)
    {
        var sends = received.GroupBy(t => t.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var duplicates = sends.Where(s => s.Value.Count > 1).Select(s => new Duplicate(s.Key, s.Value.Count)).OrderBy(d => d.Text, StringComparer.Ordinal).ToList();
        var losses = new List<Loss>();
        foreach (var target in targets)
        {
            var sent = sends.GetValueOrDefault(target.Text) ?? [];
            var reason = target switch
            {
                { Settled: false } => $"never settled (status {target.Status}{(target.Queued ? ", still queued" : "")}, {sent.Count} sends)",
                { Status: "failed" } when refusedByPlatform?.Contains(target.Text) != true =>
                    $"failed without a platform error (kind {target.ErrorKind ?? "none"}, {sent.Count} sends)",
                { Status: "published" } when !sent.Any(s => s.IsNamed(target.PlatformPostId)) =>
                    $"published as {target.PlatformPostId ?? "no id"} but the platform issued [{string.Join(", ", sent.Select(s => s.Id))}]",
                _ => null,
            };
            if (reason is not null)
            {
                losses.Add(new Loss(target.TargetId, target.Text, reason));
            }
        }
        var unconfirmed = targets.Where(t => t.Settled && t.Status == "unconfirmed").ToList();
        return new LedgerReport(duplicates, losses, unconfirmed.Count, unconfirmed.Count(t => sends.ContainsKey(t.Text)), targets.Count(t => t.Status == "published"));
    }
}

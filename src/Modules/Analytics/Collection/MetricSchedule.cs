namespace Platform.Analytics.Collection;

/// <summary>
/// When a published target's metrics are fetched: often while a post is new and its numbers move, then weekly until it is
/// <see cref="TrackFor"/> old. Each fetch has a slot number (its place in this schedule), which makes a fetch idempotent.
/// </summary>
internal sealed class MetricSchedule
{
    private static readonly TimeSpan[] EarlyFetches =
        [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromDays(3), TimeSpan.FromDays(7)];
    private static readonly TimeSpan Weekly = TimeSpan.FromDays(7);

    public MetricSchedule(TimeSpan trackFor)
    {
        if (trackFor <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(trackFor), trackFor, "A post must be tracked for some time.");
        }
        TrackFor = trackFor;
        var offsets = EarlyFetches.Where(offset => offset <= trackFor).ToList();
        for (var next = EarlyFetches[^1] + Weekly; next <= trackFor; next += Weekly)
        {
            offsets.Add(next);
        }
        Offsets = offsets;
    }

    public TimeSpan TrackFor { get; }

    /// <summary>How long after publishing each slot is fetched; slot <c>i</c> is <c>Offsets[i]</c>.</summary>
    public IReadOnlyList<TimeSpan> Offsets { get; }

    public bool IsSlot(int slot) => slot >= 0 && slot < Offsets.Count;

    public DateTimeOffset DueAt(DateTimeOffset publishedAt, int slot) =>
        IsSlot(slot) ? publishedAt + Offsets[slot] : throw new ArgumentOutOfRangeException(nameof(slot), slot, "No such slot in the schedule.");
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.Notifications.Live;

/// <summary>
/// A live event's id, the id Redis gave its entry in the tenant's stream (<c>milliseconds-sequence</c>), so ids grow in the
/// order events were published and a client's <c>Last-Event-ID</c> says exactly where to resume.
/// </summary>
internal readonly record struct LiveEventId(ulong Milliseconds, ulong Sequence) : IComparable<LiveEventId>
{
    public static readonly LiveEventId Zero = new(0, 0);

    public static bool TryParse([NotNullWhen(true)] string? text, out LiveEventId id)
    {
        id = Zero;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0 || text.Length > 41
            || !ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !ulong.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }
        id = new LiveEventId(milliseconds, sequence);
        return true;
    }

    public static LiveEventId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a live event id.");

    public int CompareTo(LiveEventId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <=(LiveEventId left, LiveEventId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LiveEventId left, LiveEventId right) => left.CompareTo(right) >= 0;

    public static bool operator <(LiveEventId left, LiveEventId right) => left.CompareTo(right) < 0;

    public static bool operator >(LiveEventId left, LiveEventId right) => left.CompareTo(right) > 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}

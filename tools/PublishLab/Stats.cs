namespace Platform.PublishLab;

internal static class Stats
{
    /// <summary>Nearest-rank percentile of milliseconds; 0 for an empty list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0 ? "n/a"
            : $"p50 {Percentile(sorted, 50):0} ms, p99 {Percentile(sorted, 99):0} ms, max {sorted[^1]:0} ms (n={sorted.Count})";
    }
}

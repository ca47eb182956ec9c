using System.Collections.Concurrent;

namespace Platform.PlatformServers.Meta;

/// <summary>
/// The figures a test sets for one published object (post, media, thread), by metric name as the platform names it. A
/// metric with no figure is left out of the answer: Meta's insights pages say data that does not exist or is unavailable
/// comes back as an empty set, never as 0
/// (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights, "Limitations").
/// </summary>
public sealed class InsightCounters
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, object>> counters = new(StringComparer.Ordinal);

    /// <summary>Sets <paramref name="metric"/> of <paramref name="objectId"/> (a number, or an object for breakdown metrics).</summary>
    public InsightCounters Set(string objectId, string metric, object value)
    {
        counters.GetOrAdd(objectId, _ => new ConcurrentDictionary<string, object>(StringComparer.Ordinal))[metric] = value;
        return this;
    }

    public object? Get(string objectId, string metric) =>
        counters.TryGetValue(objectId, out var metrics) && metrics.TryGetValue(metric, out var value) ? value : null;
}

/// <summary>
/// The insights answer every Graph host shares for an object's lifetime metrics:
/// <c>{data: [{name, period: "lifetime", values: [{value}], title, description, id: "{object}/insights/{name}/lifetime"}]}</c>
/// (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights "Sample Response",
/// https://developers.facebook.com/docs/threads/insights "Media Insights" example,
/// https://developers.facebook.com/docs/graph-api/reference/insights "Response").
/// </summary>
internal static class GraphInsights
{
    /// <summary>The <c>metric</c> parameter as a list (comma-separated).</summary>
    public static IReadOnlyList<string> Requested(GraphCall call) =>
        (call["metric"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The index and name of the first requested metric not among <paramref name="valid"/>, if any.</summary>
    public static (int Index, string Name)? FirstInvalid(IReadOnlyList<string> requested, IReadOnlyCollection<string> valid)
    {
        for (var i = 0; i < requested.Count; i++)
        {
            if (!valid.Contains(requested[i]))
            {
                return (i, requested[i]);
            }
        }
        return null;
    }

    public static object Answer(string objectId, IEnumerable<string> requested, InsightCounters counters) => new
    {
        data = requested
            .Select(name => (name, value: counters.Get(objectId, name)))
            .Where(m => m.value is not null)
            .Select(m => new
            {
                name = m.name, period = "lifetime", values = new[] { new { value = m.value } },
                title = m.name, description = m.name, id = $"{objectId}/insights/{m.name}/lifetime",
            })
            .ToList(),
    };
}

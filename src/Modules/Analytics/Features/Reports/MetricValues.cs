using Platform.Analytics.Collection;

namespace Platform.Analytics.Features.Reports;

/// <summary>One fetch of a target's figures; null where the platform reports no such figure.</summary>
internal sealed record MetricValues(
    DateTimeOffset FetchedAt, int? Slot, Guid? RefreshId, long? Impressions, long? Reach, long? Views, long? Likes, long? Comments, long? Shares,
    long? Saves, long? Clicks, IReadOnlyDictionary<string, long>? Others)
{
    public static MetricValues From(MetricSnapshot s) =>
        new(s.FetchedAt, s.Slot, s.RefreshId, s.Impressions, s.Reach, s.Views, s.Likes, s.Comments, s.Shares, s.Saves, s.Clicks, s.Others);
}

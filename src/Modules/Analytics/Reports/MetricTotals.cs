namespace Platform.Analytics.Reports;

/// <summary>Totals of the targets' latest figures, as a report shows them.</summary>
internal sealed record MetricTotals(
    int Targets, long Impressions, long Reach, long Views, long Likes, long Comments, long Shares, long Saves, long Clicks,
    long Engagements, double? EngagementRate, int EngagementRateSample)
{
    public static MetricTotals From(MetricSums sums) => new(
        sums.Targets, sums.Impressions, sums.Reach, sums.Views, sums.Likes, sums.Comments, sums.Shares, sums.Saves, sums.Clicks,
        sums.Engagements, sums.EngagementRate, sums.RatedTargets);
}

namespace Platform.Analytics.Reports;

/// <summary>Sums of targets' latest figures; a figure a platform does not report counts as nothing.</summary>
internal sealed record MetricSums(
    int Targets, int RatedTargets, long Impressions, long Reach, long Views, long Likes, long Comments, long Shares, long Saves, long Clicks,
    long RatedEngagements, long EngagementBase)
{
    public static readonly MetricSums Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public long Engagements => Likes + Comments + Shares + Saves;

    public double? EngagementRate => Reports.EngagementRate.Of(RatedEngagements, EngagementBase);

    public static MetricSums operator +(MetricSums a, MetricSums b) => new(
        a.Targets + b.Targets, a.RatedTargets + b.RatedTargets, a.Impressions + b.Impressions, a.Reach + b.Reach, a.Views + b.Views,
        a.Likes + b.Likes, a.Comments + b.Comments, a.Shares + b.Shares, a.Saves + b.Saves, a.Clicks + b.Clicks,
        a.RatedEngagements + b.RatedEngagements, a.EngagementBase + b.EngagementBase);

    public static MetricSums Sum(IEnumerable<MetricSums> sums) => sums.Aggregate(Zero, (total, next) => total + next);
}

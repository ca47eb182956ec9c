using Platform.SocialAccounts.Contracts;

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

internal sealed record PlatformTotals(SocialPlatform Platform, MetricTotals Totals);

internal sealed record AccountTotals(Guid AccountId, SocialPlatform Platform, MetricTotals Totals);

internal sealed record DayTotals(DateOnly Day, MetricTotals Totals);

internal sealed record Overview(
    DateOnly From, DateOnly To, string TimeZone, MetricTotals Totals, IReadOnlyList<PlatformTotals> Platforms, IReadOnlyList<AccountTotals> Accounts,
    IReadOnlyList<DayTotals> Days)
{
    /// <summary>Every day of the range is in the series, a day without posts with zeros, so a chart has no holes.</summary>
    public static Overview Of(ReportFilter filter, IReadOnlyList<DayBucket> buckets)
    {
        var byDay = buckets.GroupBy(b => b.Day).ToDictionary(g => g.Key, g => MetricSums.Sum(g.Select(b => b.Sums)));
        return new Overview(
            filter.From, filter.To, filter.Zone.Id,
            MetricTotals.From(MetricSums.Sum(buckets.Select(b => b.Sums))),
            buckets.GroupBy(b => b.Platform).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
                .Select(g => new PlatformTotals(g.Key, MetricTotals.From(MetricSums.Sum(g.Select(b => b.Sums))))).ToList(),
            buckets.GroupBy(b => (b.AccountId, b.Platform)).OrderBy(g => g.Key.Platform.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.AccountId)
                .Select(g => new AccountTotals(g.Key.AccountId, g.Key.Platform, MetricTotals.From(MetricSums.Sum(g.Select(b => b.Sums))))).ToList(),
            filter.Days.Select(day => new DayTotals(day, MetricTotals.From(byDay.GetValueOrDefault(day, MetricSums.Zero)))).ToList());
    }
}

namespace Platform.Analytics.Reports;

internal sealed record Overview(
    DateOnly From, DateOnly To, string TimeZone, MetricTotals Totals, IReadOnlyList<PlatformTotals> Platforms, IReadOnlyList<AccountTotals> Accounts,
    IReadOnlyList<DayTotals> Days)
{
    /// <summary>
    /// Every day of the range is in the series, a day without posts with zeros, so a chart has no holes. An account is listed
    /// when it published in the range or has follower counts in it.
    /// </summary>
    public static Overview Of(ReportFilter filter, IReadOnlyList<DayBucket> buckets, IReadOnlyList<FollowerRange> followers)
    {
        var byDay = buckets.GroupBy(b => b.Day).ToDictionary(g => g.Key, g => MetricSums.Sum(g.Select(b => b.Sums)));
        var sumsByAccount = buckets.GroupBy(b => (b.AccountId, b.Platform)).ToDictionary(g => g.Key, g => MetricSums.Sum(g.Select(b => b.Sums)));
        var followersByAccount = followers.ToDictionary(f => (f.AccountId, f.Platform));
        return new Overview(
            filter.From, filter.To, filter.Zone.Id,
            MetricTotals.From(MetricSums.Sum(buckets.Select(b => b.Sums))),
            buckets.GroupBy(b => b.Platform).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
                .Select(g => new PlatformTotals(g.Key, MetricTotals.From(MetricSums.Sum(g.Select(b => b.Sums))))).ToList(),
            sumsByAccount.Keys.Union(followersByAccount.Keys)
                .OrderBy(key => key.Platform.ToString(), StringComparer.Ordinal).ThenBy(key => key.AccountId)
                .Select(key =>
                {
                    var range = followersByAccount.GetValueOrDefault(key);
                    return new AccountTotals(key.AccountId, key.Platform, MetricTotals.From(sumsByAccount.GetValueOrDefault(key, MetricSums.Zero)),
                        range?.Latest, range?.Change);
                }).ToList(),
            filter.Days.Select(day => new DayTotals(day, MetricTotals.From(byDay.GetValueOrDefault(day, MetricSums.Zero)))).ToList());
    }
}

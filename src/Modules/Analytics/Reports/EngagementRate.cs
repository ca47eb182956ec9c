namespace Platform.Analytics.Reports;

/// <summary>
/// Engagement rate, defined once for every report: (likes + comments + shares + saves) / impressions, or per view where a
/// platform reports no impressions. Targets with neither count in no rate. The numerator and base of each target are
/// computed in <c>analytics.latest_target_metrics</c>; this divides their sums.
/// </summary>
internal static class EngagementRate
{
    public const string Definition =
        "Engagement rate = (likes + comments + shares + saves) / impressions, or / views where a platform reports no impressions; " +
        "targets with neither are left out of the rate (and of its sample size).";

    /// <returns>Null when nothing has a base (a rate of nothing is not zero).</returns>
    public static double? Of(long ratedEngagements, long engagementBase) =>
        engagementBase <= 0 ? null : Math.Round((double)ratedEngagements / engagementBase, 6);
}

namespace Platform.Analytics.Reports;

/// <summary>What top-posts can rank by.</summary>
internal enum ReportMetric
{
    EngagementRate,
    Impressions,
    Reach,
    Views,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
}

internal static class ReportMetrics
{
    /// <summary>Parses a metric name in any case ("likes", "engagementRate"); names only, never numbers.</summary>
    public static bool TryParse(string? value, out ReportMetric metric)
    {
        metric = default;
        return !string.IsNullOrWhiteSpace(value) && char.IsLetter(value[0]) && Enum.TryParse(value, ignoreCase: true, out metric) && Enum.IsDefined(metric);
    }

    /// <summary>The SQL that ranks posts by the metric over their targets' latest figures: a fixed text per enum value.</summary>
    public static string RankingSql(this ReportMetric metric) => metric switch
    {
        ReportMetric.EngagementRate =>
            "sum(engagements) FILTER (WHERE engagement_base IS NOT NULL)::float8 / NULLIF(sum(engagement_base), 0)",
        ReportMetric.Impressions => "sum(impressions)",
        ReportMetric.Reach => "sum(reach)",
        ReportMetric.Views => "sum(views)",
        ReportMetric.Likes => "sum(likes)",
        ReportMetric.Comments => "sum(comments)",
        ReportMetric.Shares => "sum(shares)",
        ReportMetric.Saves => "sum(saves)",
        ReportMetric.Clicks => "sum(clicks)",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}

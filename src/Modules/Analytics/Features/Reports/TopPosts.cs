using Platform.Analytics.Reports;

namespace Platform.Analytics.Features.Reports;

/// <summary>The posts that did best by <see cref="Metric"/> between two days of the tenant's time zone.</summary>
internal sealed record TopPosts(DateOnly From, DateOnly To, string TimeZone, ReportMetric Metric, IReadOnlyList<TopPost> Posts);

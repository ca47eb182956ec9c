using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

internal sealed record PlatformTotals(SocialPlatform Platform, MetricTotals Totals);

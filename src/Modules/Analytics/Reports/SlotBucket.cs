using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>Sums of the latest figures of the targets published on one platform in one weekday × hour slot (tenant's time zone).</summary>
internal sealed record SlotBucket(SocialPlatform Platform, DayOfWeek Weekday, int Hour, MetricSums Sums);

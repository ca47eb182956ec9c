using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>Sums of the latest figures of the targets one account published on one day (tenant's time zone): what the overview adds up.</summary>
internal sealed record DayBucket(DateOnly Day, Guid AccountId, SocialPlatform Platform, MetricSums Sums);

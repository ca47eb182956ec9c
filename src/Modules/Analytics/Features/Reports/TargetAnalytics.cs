using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Features.Reports;

/// <summary>One published target of a post: its latest figures, engagement rate and every fetch so far (oldest first).</summary>
internal sealed record TargetAnalytics(
    Guid TargetId, SocialPlatform Platform, Guid AccountId, string PlatformPostId, DateTimeOffset PublishedAt, MetricValues? Latest,
    double? EngagementRate, IReadOnlyList<MetricValues> History);

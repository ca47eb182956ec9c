using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>
/// One account in a report: the totals of its targets published in the range, and its followers on the last day of the range
/// with a count (<see cref="Followers"/>) and their change since the first such day (<see cref="FollowersChange"/>); both null
/// when the platform offers no follower count or none was collected in the range.
/// </summary>
internal sealed record AccountTotals(Guid AccountId, SocialPlatform Platform, MetricTotals Totals, long? Followers, long? FollowersChange);

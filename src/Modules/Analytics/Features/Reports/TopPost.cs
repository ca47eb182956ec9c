using Platform.Analytics.Reports;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Features.Reports;

/// <summary>One post of the top list: where it went, when it was first published, and its summed metrics.</summary>
internal sealed record TopPost(Guid PostId, IReadOnlyList<SocialPlatform> Platforms, DateTimeOffset FirstPublishedAt, MetricTotals Totals);

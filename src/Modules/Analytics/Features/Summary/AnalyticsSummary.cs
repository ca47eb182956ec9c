using Platform.Analytics.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Features.Summary;

internal sealed record AnalyticsSummary(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<EventCount> Counts);

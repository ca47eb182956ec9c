namespace Platform.Analytics.Features.Summary;

internal sealed record EventCount(string Platform, string EventType, long Count);

internal sealed record AnalyticsSummary(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<EventCount> Counts);

namespace Platform.Analytics.Features.Reports;

internal sealed record PostAnalytics(Guid PostId, IReadOnlyList<TargetAnalytics> Targets);

namespace Platform.Analytics.Reports;

internal sealed record DayTotals(DateOnly Day, MetricTotals Totals);

namespace Platform.Analytics.Features.Reports;

/// <summary>
/// The query every report takes: <c>from</c> and <c>to</c> are days (yyyy-MM-dd, both included) in the tenant's time zone,
/// default the last 30 days; <c>platform</c> (x, linkedin, ...) and <c>accountId</c> narrow it. A malformed value is a 400.
/// </summary>
internal readonly record struct ReportParameters(DateOnly? From, DateOnly? To, string? Platform, Guid? AccountId);

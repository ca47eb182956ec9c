using System.Text.Json;

namespace Platform.Analytics.Contracts;

/// <summary>The current tenant's reports for other modules (the agents' tools), in the JSON the REST endpoints answer.</summary>
public interface IAnalyticsReports
{
    /// <summary>
    /// The overview <c>GET /api/v1/analytics/overview</c> answers: totals, per platform, per account and per day, for the days
    /// <paramref name="from"/> to <paramref name="to"/> in the tenant's time zone (default the last 30 days). A range the REST
    /// endpoint refuses is the same 400 <c>ProblemException</c>. In the caller's unit of work.
    /// </summary>
    Task<JsonElement> OverviewAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Analytics.Features.Reports;

internal static class OverviewEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/overview", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetAnalyticsOverview")
        .WithSummary("Latest metrics of the targets published from..to: totals, per platform, per account and per day (tenant's time zone).")
        .WithDescription(EngagementRate.Definition)
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<Overview>> HandleAsync(
        [AsParameters] ReportParameters query, ReportQuery reports, ReportBuckets buckets, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var filter = await reports.FilterAsync(query.From, query.To, query.Platform, query.AccountId, cancellationToken);
        return TypedResults.Ok(Overview.Of(filter, await buckets.DaysAsync(tenant.RequiredTenantId, filter, cancellationToken)));
    }
}

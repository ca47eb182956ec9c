using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Analytics.Features.Reports;

internal static class BestTimesEndpoint
{
    private const int DefaultMinPosts = 5;

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/best-times", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetAnalyticsBestTimes")
        .WithSummary("Engagement rate by weekday × hour of publishing (tenant's time zone) per platform, with each slot's sample size, " +
            "and the best slots with at least minPosts posts (default 5).")
        .WithDescription(EngagementRate.Definition)
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<BestTimes>> HandleAsync(
        [AsParameters] ReportParameters query, ReportQuery reports, ReportBuckets buckets, ITenantContext tenant, CancellationToken cancellationToken,
        int minPosts = DefaultMinPosts)
    {
        if (minPosts is < 1 or > 10_000)
        {
            throw ProblemException.BadRequest("'minPosts' must be between 1 and 10000.");
        }
        var filter = await reports.FilterAsync(query.From, query.To, query.Platform, query.AccountId, cancellationToken);
        return TypedResults.Ok(BestTimes.Of(filter, await buckets.SlotsAsync(tenant.RequiredTenantId, filter, cancellationToken), minPosts));
    }
}

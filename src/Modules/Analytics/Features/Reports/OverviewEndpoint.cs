using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Security;

namespace Platform.Analytics.Features.Reports;

internal static class OverviewEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/overview", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetAnalyticsOverview")
        .WithSummary("Latest metrics of the targets published from..to: totals, per platform, per account and per day (tenant's time zone).")
        .WithDescription(EngagementRate.Definition + " " + FollowersDefinition)
        .RequireAuthorization(Policies.Viewer);

    internal const string FollowersDefinition =
        "Each account's followers is its follower count on the last day of the range with one (counts are collected daily, on " +
        "the tenant's days), and followersChange that count minus the one on the first such day; both are null for a platform " +
        "that offers no follower count, or when none was collected in the range. An account without posts in the range is " +
        "listed for its followers, with zero totals.";

    private static async Task<Ok<Overview>> HandleAsync(
        [AsParameters] ReportParameters query, OverviewReport overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.BuildAsync(query, cancellationToken));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Analytics.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Analytics.Features.Summary;

internal static class SummaryEndpoint
{
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/summary", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetAnalyticsSummary")
        .WithSummary("Event counts by platform and type between from and to (default: the last 30 days).")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<AnalyticsSummary>> HandleAsync(
        AnalyticsDbContext db, TimeProvider clock, CancellationToken cancellationToken, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var end = to ?? clock.GetUtcNow();
        // Near the first representable instant there are no 30 days to go back: start there instead.
        var start = from ?? (end - DateTimeOffset.MinValue > DefaultSpan ? end - DefaultSpan : DateTimeOffset.MinValue);
        if (start >= end)
        {
            throw ProblemException.BadRequest("'from' must be before 'to'.");
        }
        var counts = await db.Events.AsNoTracking()
            .Where(e => e.RecordedAt >= start && e.RecordedAt < end)
            .GroupBy(e => new { e.Platform, e.EventType })
            .Select(g => new EventCount(g.Key.Platform, g.Key.EventType, g.LongCount()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AnalyticsSummary(start, end, counts.OrderBy(c => c.Platform).ThenBy(c => c.EventType).ToList()));
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Analytics.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;

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
            .Select(g => new { g.Key.Platform, g.Key.EventType, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        // Stored as the publishing events spell them ("x", "post_published"); answered as the API's enums ("X", "PostPublished").
        var answered = counts
            .Select(c => SocialPlatforms.TryParse(c.Platform, out var platform) && AnalyticsEventTypes.TryParseStored(c.EventType, out var type)
                ? new EventCount(platform, type, c.Count) : null)
            .OfType<EventCount>()
            .OrderBy(c => c.Platform.ToString(), StringComparer.Ordinal).ThenBy(c => c.EventType.ToString(), StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AnalyticsSummary(start, end, answered));
    }
}

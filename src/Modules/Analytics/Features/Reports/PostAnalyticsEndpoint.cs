using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Analytics.Data;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Analytics.Features.Reports;

internal static class PostAnalyticsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/posts/{postId:guid}", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetPostAnalytics")
        .WithSummary("Each published target of the post: its latest metrics, engagement rate and every fetch so far (oldest first).")
        .WithDescription(EngagementRate.Definition)
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<PostAnalytics>> HandleAsync(Guid postId, AnalyticsDbContext db, DbSession session, CancellationToken cancellationToken)
    {
        // Another tenant's post is invisible under row-level security, so it is as unknown as a post that never was.
        var targets = await db.TrackedTargets.AsNoTracking().Where(t => t.PostId == postId).OrderBy(t => t.PublishedAt).ThenBy(t => t.TargetId)
            .ToListAsync(cancellationToken);
        if (targets.Count == 0)
        {
            throw ProblemException.NotFound("A published post with metrics");
        }
        var ids = targets.Select(t => t.TargetId).ToList();
        var history = (await db.Snapshots.AsNoTracking().Where(s => ids.Contains(s.TargetId)).ToListAsync(cancellationToken))
            .OrderBy(s => s.FetchedAt).ToLookup(s => s.TargetId);
        var rates = await RatesAsync(session, postId, cancellationToken);
        return TypedResults.Ok(new PostAnalytics(postId, targets.Select(t =>
        {
            var fetches = history[t.TargetId].Select(MetricValues.From).ToList();
            return new TargetAnalytics(t.TargetId, t.Platform, t.SocialAccountId, t.PlatformPostId, t.PublishedAt,
                fetches.Count == 0 ? null : fetches[^1], rates.GetValueOrDefault(t.TargetId), fetches);
        }).ToList()));
    }

    /// <summary>Each target's rate from the one definition of engagement (the latest_target_metrics view).</summary>
    private static async Task<Dictionary<Guid, double?>> RatesAsync(DbSession session, Guid postId, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync(
            "SELECT target_id, engagements, engagement_base FROM analytics.latest_target_metrics WHERE post_id = $1", cancellationToken);
        command.Parameters.Add(ReportBuckets.Uuid(postId));
        var rates = new Dictionary<Guid, double?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rates[reader.GetGuid(0)] = reader.IsDBNull(2) ? null : EngagementRate.Of(reader.GetInt64(1), reader.GetInt64(2));
        }
        return rates;
    }
}

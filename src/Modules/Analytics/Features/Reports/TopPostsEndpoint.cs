using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Features.Reports;

internal static class TopPostsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/top-posts", HandleAsync)
        .WithTags("Analytics")
        .WithName("GetAnalyticsTopPosts")
        .WithSummary("Posts published from..to ranked by a metric of their targets' latest figures (metric: engagementRate (default), " +
            "impressions, reach, views, likes, comments, shares, saves, clicks); limit 1-100, default 10.")
        .WithDescription(EngagementRate.Definition)
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<TopPosts>> HandleAsync(
        [AsParameters] ReportParameters query, ReportQuery reports, DbSession session, ITenantContext tenant, CancellationToken cancellationToken,
        string metric = "engagementRate", int limit = 10)
    {
        if (!ReportMetrics.TryParse(metric, out var ranking))
        {
            throw ProblemException.BadRequest($"Unknown metric '{metric}'; use one of {string.Join(", ", Enum.GetNames<ReportMetric>())}.");
        }
        if (limit is < 1 or > 100)
        {
            throw ProblemException.BadRequest("'limit' must be between 1 and 100.");
        }
        var filter = await reports.FilterAsync(query.From, query.To, query.Platform, query.AccountId, cancellationToken);
        var (sql, parameters) = Query(tenant.RequiredTenantId, filter, ranking, limit);
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        command.Parameters.AddRange(parameters.ToArray());
        var posts = new List<TopPost>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var platforms = reader.GetFieldValue<string[]>(1)
                    .Select(name => Enum.TryParse<SocialPlatform>(name, out var platform) ? platform : (SocialPlatform?)null)
                    .OfType<SocialPlatform>().Order().ToList();
                var sums = new MetricSums(reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                    reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14));
                posts.Add(new TopPost(reader.GetGuid(0), platforms, reader.GetFieldValue<DateTimeOffset>(2), MetricTotals.From(sums)));
            }
        }
        return TypedResults.Ok(new TopPosts(filter.From, filter.To, filter.Zone.Id, ranking, posts));
    }

    internal static (string Sql, List<Npgsql.NpgsqlParameter> Parameters) Query(Guid tenantId, ReportFilter filter, ReportMetric ranking, int limit)
    {
        var (where, parameters) = TargetFilterSql.For(tenantId, filter);
        parameters.Add(new Npgsql.NpgsqlParameter { Value = limit });
        return ($"""
            SELECT l.post_id, array_agg(DISTINCT l.platform), min(l.published_at),
                   count(*)::int, count(l.engagement_base)::int,
                   coalesce(sum(l.impressions), 0)::bigint, coalesce(sum(l.reach), 0)::bigint, coalesce(sum(l.views), 0)::bigint,
                   coalesce(sum(l.likes), 0)::bigint, coalesce(sum(l.comments), 0)::bigint, coalesce(sum(l.shares), 0)::bigint,
                   coalesce(sum(l.saves), 0)::bigint, coalesce(sum(l.clicks), 0)::bigint,
                   coalesce(sum(l.engagements) FILTER (WHERE l.engagement_base IS NOT NULL), 0)::bigint, coalesce(sum(l.engagement_base), 0)::bigint
            FROM analytics.latest_target_metrics l
            {where}
            GROUP BY l.post_id
            ORDER BY {ranking.RankingSql()} DESC NULLS LAST, l.post_id
            LIMIT ${parameters.Count}
            """, parameters);
    }
}

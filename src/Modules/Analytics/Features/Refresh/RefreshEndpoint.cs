using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Analytics.Collection;
using Platform.Analytics.Data;
using Platform.Analytics.Refresh;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Analytics.Features.Refresh;

internal static class RefreshEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/analytics/refresh", HandleAsync)
        .WithTags("Analytics")
        .WithName("RefreshAnalytics")
        .WithSummary("Fetches the metrics of every tracked target now, and each account's follower count where today's is missing, in the background; once per Analytics:RefreshCooldown per tenant (429 with Retry-After otherwise).")
        .RequireAuthorization(Policies.Editor);

    private static async Task<Results<Accepted<RefreshAccepted>, ProblemHttpResult>> HandleAsync(
        AnalyticsDbContext db, ITenantContext tenant, IBackgroundJobClient jobs, IOptions<MetricsCollectionOptions> options, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var now = clock.GetUtcNow();
        var refreshId = Guid.NewGuid();
        var cooldown = options.Value.RefreshCooldown;
        var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO analytics.refreshes (tenant_id, refresh_id, requested_by, requested_at)
            VALUES ({tenantId}, {refreshId}, {tenant.UserId}, {now})
            ON CONFLICT (tenant_id) DO NOTHING
            """, cancellationToken);
        if (first == 0)
        {
            // The row lock makes concurrent requests of one tenant decide one after the other.
            var previous = await db.Refreshes.FromSql($"SELECT * FROM analytics.refreshes FOR UPDATE").SingleAsync(cancellationToken);
            if (!previous.TryRestart(refreshId, tenant.UserId, now, cooldown))
            {
                var wait = previous.WaitBeforeNext(now, cooldown);
                http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many refreshes",
                    detail: $"Metrics were last refreshed at {previous.RequestedAt:O}; the next refresh may start after Retry-After seconds.");
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        jobs.Enqueue<MetricRefreshJob>(job => job.RefreshAsync(tenantId, refreshId, CancellationToken.None));
        // An account connected today would otherwise show no followers until tomorrow's sweep; accounts counted today are not asked again.
        jobs.Enqueue<AccountSnapshotJob>(job => job.CollectAsync(tenantId, CancellationToken.None));
        return TypedResults.Accepted((string?)null, new RefreshAccepted(refreshId, now));
    }
}

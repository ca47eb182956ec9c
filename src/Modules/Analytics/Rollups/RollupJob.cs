using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;

namespace Platform.Analytics.Rollups;

/// <summary>
/// Keeps <c>analytics.daily_rollups</c> current. A sweep every few minutes learns which tenants have snapshots newer than
/// their roll-ups (ids only, through a SECURITY DEFINER function) and queues one roll-up per tenant under its own RLS, which
/// sums again only the hours of publishing that the new snapshots touched.
/// </summary>
internal sealed class RollupJob(IServiceScopeFactory scopes, IBackgroundJobClient jobs, TimeProvider clock, ILogger<RollupJob> logger)
{
    public const string RecurringJobId = "analytics:roll-up";
    public const string Every = "*/5 * * * *";
    /// <summary>A snapshot is stamped before it commits; rolling up only to this long ago lets a late commit be seen next time.</summary>
    public static readonly TimeSpan CommitGrace = TimeSpan.FromMinutes(2);
    /// <summary>How far back the sweep looks for new snapshots (a week of failed sweeps still catches up).</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    /// <summary>Sums again every hour of publishing ($2 zone) that a snapshot fetched after $3 touched, for tenant $1.</summary>
    internal const string UpdateTouchedHours = $"""
        INSERT INTO analytics.daily_rollups (tenant_id, {BucketSql.Columns})
        SELECT $1, b.* FROM ({BucketSql.SelectFromLatest}
            AND date_trunc('hour', l.published_at AT TIME ZONE $2) IN (
                SELECT date_trunc('hour', t.published_at AT TIME ZONE $2)
                FROM analytics.metric_snapshots s JOIN analytics.tracked_targets t ON t.target_id = s.target_id
                WHERE s.tenant_id = $1 AND s.fetched_at > $3)
            {BucketSql.GroupBy}) b
        ON CONFLICT (tenant_id, day, hour, social_account_id) DO UPDATE SET
            platform = EXCLUDED.platform, targets = EXCLUDED.targets, rated_targets = EXCLUDED.rated_targets,
            impressions = EXCLUDED.impressions, reach = EXCLUDED.reach, views = EXCLUDED.views, likes = EXCLUDED.likes,
            comments = EXCLUDED.comments, shares = EXCLUDED.shares, saves = EXCLUDED.saves, clicks = EXCLUDED.clicks,
            rated_engagements = EXCLUDED.rated_engagements, engagement_base = EXCLUDED.engagement_base
        """;

    [CrossTenantJob]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var tenants = await scopes.RunAsync(null, async services =>
        {
            var session = services.GetRequiredService<DbSession>();
            await using var command = await session.CreateCommandAsync("SELECT analytics.tenants_with_snapshots_since($1)", cancellationToken);
            command.Parameters.Add(ReportBuckets.Instant(clock.GetUtcNow() - LookBack));
            var found = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetGuid(0));
            }
            return found;
        }, cancellationToken);
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<RollupJob>(job => job.RollUpAsync(tenantId, CancellationToken.None));
        }
        logger.LogInformation("Analytics roll-up sweep queued {Count} tenants", tenants.Count);
    }

    [AutomaticRetry(Attempts = 3)]
    public Task<RollupOutcome> RollUpAsync(Guid tenantId, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            var session = services.GetRequiredService<DbSession>();
            var zone = (await services.GetRequiredService<ReportQuery>().ZoneAsync(cancellationToken)).Id;
            var rolledUpTo = clock.GetUtcNow() - CommitGrace;
            // The state row is locked for the whole roll-up, so two roll-ups of one tenant run one after the other.
            await ExecuteAsync(session, """
                INSERT INTO analytics.rollup_state (tenant_id, time_zone, rolled_up_to) VALUES ($1, '', 'epoch') ON CONFLICT (tenant_id) DO NOTHING
                """, cancellationToken, ReportBuckets.Uuid(tenantId));
            string previousZone;
            DateTimeOffset previousEnd;
            await using (var state = await session.CreateCommandAsync(
                "SELECT time_zone, rolled_up_to FROM analytics.rollup_state WHERE tenant_id = $1 FOR UPDATE", cancellationToken))
            {
                state.Parameters.Add(ReportBuckets.Uuid(tenantId));
                await using var reader = await state.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                previousZone = reader.GetString(0);
                previousEnd = reader.GetFieldValue<DateTimeOffset>(1);
            }
            var outcome = previousZone == zone ? RollupOutcome.Updated : RollupOutcome.Rebuilt;
            if (outcome == RollupOutcome.Rebuilt)
            {
                await ExecuteAsync(session, "DELETE FROM analytics.daily_rollups WHERE tenant_id = $1", cancellationToken, ReportBuckets.Uuid(tenantId));
                await ExecuteAsync(session, $"""
                    INSERT INTO analytics.daily_rollups (tenant_id, {BucketSql.Columns})
                    SELECT $1, b.* FROM ({BucketSql.SelectFromLatest}{BucketSql.GroupBy}) b
                    """, cancellationToken, ReportBuckets.Uuid(tenantId), ReportBuckets.Text(zone));
            }
            else
            {
                await ExecuteAsync(session, UpdateTouchedHours, cancellationToken, ReportBuckets.Uuid(tenantId), ReportBuckets.Text(zone), ReportBuckets.Instant(previousEnd));
            }
            await ExecuteAsync(session, "UPDATE analytics.rollup_state SET time_zone = $2, rolled_up_to = $3 WHERE tenant_id = $1", cancellationToken,
                ReportBuckets.Uuid(tenantId), ReportBuckets.Text(zone), ReportBuckets.Instant(rolledUpTo));
            return outcome;
        }, cancellationToken);

    private static async Task ExecuteAsync(DbSession session, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

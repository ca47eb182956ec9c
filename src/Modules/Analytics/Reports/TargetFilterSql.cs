using Npgsql;

namespace Platform.Analytics.Reports;

/// <summary>The conditions on <c>analytics.latest_target_metrics l</c> that select a report's targets, with their parameters.</summary>
internal static class TargetFilterSql
{
    /// <summary>From <c>WHERE</c> on: $1 tenant, $2 start, $3 end, then platform and account where the filter has them.</summary>
    public static (string Where, List<NpgsqlParameter> Parameters) For(Guid tenantId, ReportFilter filter)
    {
        var where = "WHERE l.tenant_id = $1 AND l.published_at >= $2 AND l.published_at < $3";
        var parameters = new List<NpgsqlParameter>
        {
            ReportBuckets.Uuid(tenantId), ReportBuckets.Instant(filter.Start), ReportBuckets.Instant(filter.End),
        };
        if (filter.Platform is { } platform)
        {
            parameters.Add(ReportBuckets.Text(platform.ToString()));
            where += $" AND l.platform = ${parameters.Count}";
        }
        if (filter.AccountId is { } account)
        {
            parameters.Add(ReportBuckets.Uuid(account));
            where += $" AND l.social_account_id = ${parameters.Count}";
        }
        return (where, parameters);
    }
}

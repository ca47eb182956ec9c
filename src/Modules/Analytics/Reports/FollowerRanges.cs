using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>
/// Each account's follower counts on the first and last day of a report's range that have one. Snapshot days are already the
/// tenant's days, so the range's days are compared as they are; the platform and account filters apply as to targets.
/// </summary>
internal sealed class FollowerRanges(DbSession session)
{
    public async Task<IReadOnlyList<FollowerRange>> LoadAsync(Guid tenantId, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync($"""
            SELECT social_account_id, platform,
                   (array_agg(followers ORDER BY day))[1] AS first,
                   (array_agg(followers ORDER BY day DESC))[1] AS latest
            FROM analytics.account_snapshots
            WHERE tenant_id = $1 AND day >= $2 AND day <= $3 AND followers IS NOT NULL{ReportBuckets.Filters(filter, 4, "")}
            GROUP BY social_account_id, platform
            """, cancellationToken);
        command.Parameters.AddRange((NpgsqlParameter[])[ReportBuckets.Uuid(tenantId), ReportBuckets.Date(filter.From), ReportBuckets.Date(filter.To), .. ReportBuckets.FilterValues(filter)]);
        var ranges = new List<FollowerRange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A platform name this build does not know (stored by a newer one) is left out rather than failing the report.
            if (SocialPlatforms.TryParse(reader.GetString(1), out var platform))
            {
                ranges.Add(new FollowerRange(reader.GetGuid(0), platform, reader.GetInt64(2), reader.GetInt64(3)));
            }
        }
        return ranges;
    }
}

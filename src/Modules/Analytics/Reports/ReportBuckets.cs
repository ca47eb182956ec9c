using Npgsql;
using NpgsqlTypes;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>
/// Loads the hour buckets a report needs: days before the live window from the daily roll-ups, the rest (today, and
/// anything the roll-ups have not reached or were built in another time zone) live from the latest snapshots.
/// </summary>
internal sealed class ReportBuckets(DbSession session, TimeProvider clock)
{
    public async Task<IReadOnlyList<HourBucket>> LoadAsync(Guid tenantId, ReportFilter filter, CancellationToken cancellationToken)
    {
        var liveFromDay = await LiveFromAsync(tenantId, filter.Zone, cancellationToken);
        var buckets = new List<HourBucket>();
        if (liveFromDay > filter.From)
        {
            var lastRolledDay = liveFromDay.AddDays(-1) < filter.To ? liveFromDay.AddDays(-1) : filter.To;
            var (sql, parameters) = RollupQuery(tenantId, filter, lastRolledDay);
            await ReadAsync(sql, buckets, cancellationToken, parameters);
        }
        if (liveFromDay <= filter.To)
        {
            var start = liveFromDay > filter.From ? filter.StartOf(liveFromDay) : filter.Start;
            var (sql, parameters) = LiveQuery(tenantId, filter, start);
            await ReadAsync(sql, buckets, cancellationToken, parameters);
        }
        return buckets;
    }

    /// <summary>The roll-ups of the filter's days up to <paramref name="lastDay"/>.</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) RollupQuery(Guid tenantId, ReportFilter filter, DateOnly lastDay) => (
        $"SELECT {BucketSql.Columns} FROM analytics.daily_rollups WHERE tenant_id = $1 AND day >= $2 AND day <= $3{Filters(filter, 4, "")}",
        [Uuid(tenantId), Date(filter.From), Date(lastDay), .. FilterValues(filter)]);

    /// <summary>The filter's targets published from <paramref name="start"/> on, summed live from their latest snapshots.</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) LiveQuery(Guid tenantId, ReportFilter filter, DateTimeOffset start) => (
        BucketSql.SelectFromLatest + $" AND l.published_at >= $3 AND l.published_at < $4{Filters(filter, 5, "l.")}" + BucketSql.GroupBy,
        [Uuid(tenantId), Text(filter.Zone.Id), Instant(start), Instant(filter.End), .. FilterValues(filter)]);

    /// <summary>The first day read live: today, or earlier when the roll-ups are behind; all of them without usable roll-ups.</summary>
    private async Task<DateOnly> LiveFromAsync(Guid tenantId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var today = ReportFilter.DayOf(clock.GetUtcNow(), zone);
        await using var command = await session.CreateCommandAsync(
            "SELECT time_zone, rolled_up_to FROM analytics.rollup_state WHERE tenant_id = $1", cancellationToken);
        command.Parameters.Add(Uuid(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(0) != zone.Id)
        {
            return DateOnly.MinValue;
        }
        var rolledUpDay = ReportFilter.DayOf(reader.GetFieldValue<DateTimeOffset>(1), zone);
        return rolledUpDay < today ? rolledUpDay : today;
    }

    private static string Filters(ReportFilter filter, int next, string alias)
    {
        var sql = "";
        if (filter.Platform is not null)
        {
            sql += $" AND {alias}platform = ${next++}";
        }
        if (filter.AccountId is not null)
        {
            sql += $" AND {alias}social_account_id = ${next}";
        }
        return sql;
    }

    private static IEnumerable<NpgsqlParameter> FilterValues(ReportFilter filter)
    {
        if (filter.Platform is { } platform)
        {
            yield return Text(platform.ToString());
        }
        if (filter.AccountId is { } account)
        {
            yield return Uuid(account);
        }
    }

    private async Task ReadAsync(string sql, List<HourBucket> buckets, CancellationToken cancellationToken, NpgsqlParameter[] parameters)
    {
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!Enum.TryParse<SocialPlatform>(reader.GetString(3), out var platform))
            {
                continue;
            }
            buckets.Add(new HourBucket(
                reader.GetFieldValue<DateOnly>(0), reader.GetInt16(1), reader.GetGuid(2), platform,
                new MetricSums(reader.GetInt32(4), reader.GetInt32(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                    reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13),
                    reader.GetInt64(14), reader.GetInt64(15))));
        }
    }

    internal static NpgsqlParameter Uuid(Guid value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Uuid };
    internal static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };
    internal static NpgsqlParameter Date(DateOnly value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Date };
    internal static NpgsqlParameter Instant(DateTimeOffset value) => new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };
}

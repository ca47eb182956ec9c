using Npgsql;
using NpgsqlTypes;
using Platform.SharedKernel.Data;

namespace Platform.Analytics.Reports;

/// <summary>
/// Loads the buckets a report needs, summed by the database to the report's grain: days before the live window from the
/// daily roll-ups (kept a few minutes in <see cref="RolledUpBucketCache"/>), the rest (today, and anything the roll-ups
/// have not reached or were built in another time zone) live from the latest snapshots.
/// </summary>
internal sealed class ReportBuckets(DbSession session, RolledUpBucketCache cache, TimeProvider clock)
{
    public Task<IReadOnlyList<DayBucket>> DaysAsync(Guid tenantId, ReportFilter filter, CancellationToken cancellationToken) =>
        LoadAsync(BucketGrain<DayBucket>.DayAndAccount, tenantId, filter, cancellationToken);

    public Task<IReadOnlyList<SlotBucket>> SlotsAsync(Guid tenantId, ReportFilter filter, CancellationToken cancellationToken) =>
        LoadAsync(BucketGrain<SlotBucket>.PlatformWeekdayHour, tenantId, filter, cancellationToken);

    private async Task<IReadOnlyList<TBucket>> LoadAsync<TBucket>(
        BucketGrain<TBucket> grain, Guid tenantId, ReportFilter filter, CancellationToken cancellationToken)
    {
        var (liveFromDay, rolledUpTo) = await LiveFromAsync(tenantId, filter.Zone, cancellationToken);
        var buckets = new List<TBucket>();
        if (liveFromDay > filter.From)
        {
            var lastRolledDay = liveFromDay.AddDays(-1) < filter.To ? liveFromDay.AddDays(-1) : filter.To;
            var key = new RolledUpKey(grain.Name, tenantId, filter.Zone.Id, rolledUpTo, filter.From, lastRolledDay, filter.Platform?.ToString(), filter.AccountId);
            buckets.AddRange(await cache.GetOrLoadAsync(key, () =>
            {
                var (sql, parameters) = RollupQuery(grain, tenantId, filter, lastRolledDay);
                return ReadAsync(grain, sql, parameters, cancellationToken);
            }));
        }
        if (liveFromDay <= filter.To)
        {
            var start = liveFromDay > filter.From ? filter.StartOf(liveFromDay) : filter.Start;
            var (sql, parameters) = LiveQuery(grain, tenantId, filter, start);
            buckets.AddRange(await ReadAsync(grain, sql, parameters, cancellationToken));
        }
        return buckets;
    }

    /// <summary>The roll-ups of the filter's days up to <paramref name="lastDay"/>, summed to the grain.</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) RollupQuery<TBucket>(
        BucketGrain<TBucket> grain, Guid tenantId, ReportFilter filter, DateOnly lastDay) => (
        grain.Select("analytics.daily_rollups", $"WHERE tenant_id = $1 AND day >= $2 AND day <= $3{Filters(filter, 4, "")}"),
        [Uuid(tenantId), Date(filter.From), Date(lastDay), .. FilterValues(filter)]);

    /// <summary>The filter's targets published from <paramref name="start"/> on, summed live from their latest snapshots to the grain.</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) LiveQuery<TBucket>(
        BucketGrain<TBucket> grain, Guid tenantId, ReportFilter filter, DateTimeOffset start) => (
        grain.Select(
            $"({BucketSql.SelectFromLatest} AND l.published_at >= $3 AND l.published_at < $4{Filters(filter, 5, "l.")}{BucketSql.GroupBy}) hours", ""),
        [Uuid(tenantId), Text(filter.Zone.Id), Instant(start), Instant(filter.End), .. FilterValues(filter)]);

    /// <summary>
    /// The first day read live (today, or earlier when the roll-ups are behind; all of them without usable roll-ups) and
    /// the roll-ups' watermark.
    /// </summary>
    private async Task<(DateOnly LiveFrom, DateTimeOffset RolledUpTo)> LiveFromAsync(Guid tenantId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var today = ReportFilter.DayOf(clock.GetUtcNow(), zone);
        await using var command = await session.CreateCommandAsync(
            "SELECT time_zone, rolled_up_to FROM analytics.rollup_state WHERE tenant_id = $1", cancellationToken);
        command.Parameters.Add(Uuid(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(0) != zone.Id)
        {
            return (DateOnly.MinValue, DateTimeOffset.MinValue);
        }
        var rolledUpTo = reader.GetFieldValue<DateTimeOffset>(1);
        var rolledUpDay = ReportFilter.DayOf(rolledUpTo, zone);
        return (rolledUpDay < today ? rolledUpDay : today, rolledUpTo);
    }

    internal static string Filters(ReportFilter filter, int next, string alias)
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

    internal static IEnumerable<NpgsqlParameter> FilterValues(ReportFilter filter)
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

    private async Task<IReadOnlyList<TBucket>> ReadAsync<TBucket>(
        BucketGrain<TBucket> grain, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var buckets = new List<TBucket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (grain.Read(reader) is { } bucket)
            {
                buckets.Add(bucket);
            }
        }
        return buckets;
    }

    internal static NpgsqlParameter Uuid(Guid value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Uuid };
    internal static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };
    internal static NpgsqlParameter Date(DateOnly value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Date };
    internal static NpgsqlParameter Instant(DateTimeOffset value) => new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };
}

using System.Data.Common;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>
/// How finely a report needs its sums: the database groups hour buckets (roll-ups or live ones) by <see cref="Keys"/> and
/// sends only those groups, so a 90-day overview reads about 90 × accounts rows rather than every hour of every account.
/// </summary>
internal sealed class BucketGrain<TBucket>(string name, string keys, Func<DbDataReader, SocialPlatform, MetricSums, TBucket> read)
{
    /// <summary>The overview's grain: one row per day and account.</summary>
    public static readonly BucketGrain<DayBucket> DayAndAccount = new("day-account", "day, social_account_id, platform",
        (row, platform, sums) => new DayBucket(row.GetFieldValue<DateOnly>(0), row.GetGuid(1), platform, sums));

    /// <summary>Best-times' grain: one row per platform, weekday (0 = Sunday, as <see cref="DayOfWeek"/>) and hour.</summary>
    public static readonly BucketGrain<SlotBucket> PlatformWeekdayHour = new("platform-weekday-hour",
        "platform, extract(dow FROM day)::int, hour", (row, platform, sums) => new SlotBucket(platform, (DayOfWeek)row.GetInt32(1), row.GetInt16(2), sums));

    private const string Sums =
        "sum(targets)::int, sum(rated_targets)::int, sum(impressions)::bigint, sum(reach)::bigint, sum(views)::bigint, sum(likes)::bigint, " +
        "sum(comments)::bigint, sum(shares)::bigint, sum(saves)::bigint, sum(clicks)::bigint, sum(rated_engagements)::bigint, sum(engagement_base)::bigint";

    private readonly int keyCount = keys.Split(',').Length;

    public string Name => name;

    /// <summary>Groups rows with <see cref="BucketSql.Columns"/> from <paramref name="source"/> (a table, or a subquery with its alias).</summary>
    public string Select(string source, string where) => $"SELECT {keys}, {Sums} FROM {source} {where} GROUP BY {keys}";

    /// <summary>The bucket of the current row; null for a platform this build does not know.</summary>
    public TBucket? Read(DbDataReader row)
    {
        if (!Enum.TryParse<SocialPlatform>(row.GetString(row.GetOrdinal("platform")), out var platform))
        {
            return default;
        }
        var first = keyCount;
        var sums = new MetricSums(row.GetInt32(first), row.GetInt32(first + 1), row.GetInt64(first + 2), row.GetInt64(first + 3),
            row.GetInt64(first + 4), row.GetInt64(first + 5), row.GetInt64(first + 6), row.GetInt64(first + 7), row.GetInt64(first + 8),
            row.GetInt64(first + 9), row.GetInt64(first + 10), row.GetInt64(first + 11));
        return read(row, platform, sums);
    }
}

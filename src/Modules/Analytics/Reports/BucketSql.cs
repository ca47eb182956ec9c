namespace Platform.Analytics.Reports;

/// <summary>
/// The one SQL text that sums targets' latest figures into hour buckets, shared by the roll-up job (which stores it) and
/// the reports (which compute today, or everything while roll-ups are missing, live from it). Parameters: $1 tenant,
/// $2 IANA time zone.
/// </summary>
internal static class BucketSql
{
    public const string Columns =
        "day, hour, social_account_id, platform, targets, rated_targets, impressions, reach, views, likes, comments, shares, saves, clicks, " +
        "rated_engagements, engagement_base";

    /// <summary>Selects <see cref="Columns"/> from <c>analytics.latest_target_metrics l</c>; append conditions on <c>l</c> after it.</summary>
    public const string SelectFromLatest = """
        SELECT (l.published_at AT TIME ZONE $2)::date AS day,
               extract(hour FROM l.published_at AT TIME ZONE $2)::smallint AS hour,
               l.social_account_id, l.platform,
               count(*)::int AS targets,
               count(l.engagement_base)::int AS rated_targets,
               coalesce(sum(l.impressions), 0)::bigint AS impressions,
               coalesce(sum(l.reach), 0)::bigint AS reach,
               coalesce(sum(l.views), 0)::bigint AS views,
               coalesce(sum(l.likes), 0)::bigint AS likes,
               coalesce(sum(l.comments), 0)::bigint AS comments,
               coalesce(sum(l.shares), 0)::bigint AS shares,
               coalesce(sum(l.saves), 0)::bigint AS saves,
               coalesce(sum(l.clicks), 0)::bigint AS clicks,
               coalesce(sum(l.engagements) FILTER (WHERE l.engagement_base IS NOT NULL), 0)::bigint AS rated_engagements,
               coalesce(sum(l.engagement_base), 0)::bigint AS engagement_base
        FROM analytics.latest_target_metrics l
        WHERE l.tenant_id = $1
        """;

    public const string GroupBy = " GROUP BY 1, 2, l.social_account_id, l.platform";
}

-- What the reports read: each target's latest figures, and daily roll-ups of them by the hour of publishing.

-- The latest snapshot of a target is the one with the latest fetched_at; this index finds it with one probe.
CREATE INDEX analytics_metric_snapshots_target_latest_idx ON analytics.metric_snapshots (target_id, fetched_at DESC);
-- Reports select a tenant's targets by publishing time; the roll-up sweep finds tenants with new snapshots by time.
CREATE INDEX analytics_tracked_targets_published_idx ON analytics.tracked_targets (tenant_id, published_at);
CREATE INDEX analytics_metric_snapshots_fetched_idx ON analytics.metric_snapshots (fetched_at);

-- Each target with its latest figures. Engagement is defined here once: likes + comments + shares + saves, counted
-- against impressions, or views where the platform reports no impressions; a target with neither has no base and is
-- left out of rates. security_invoker keeps the caller's row-level security in force.
CREATE VIEW analytics.latest_target_metrics WITH (security_invoker = true) AS
SELECT t.tenant_id, t.target_id, t.post_id, t.social_account_id, t.platform, t.platform_post_id, t.published_at,
       s.fetched_at, s.impressions, s.reach, s.views, s.likes, s.comments, s.shares, s.saves, s.clicks,
       coalesce(s.likes, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0) + coalesce(s.saves, 0) AS engagements,
       coalesce(s.impressions, s.views) AS engagement_base
FROM analytics.tracked_targets t
CROSS JOIN LATERAL (
    SELECT * FROM analytics.metric_snapshots latest
    WHERE latest.target_id = t.target_id
    ORDER BY latest.fetched_at DESC
    LIMIT 1
) s;

-- Sums of the latest figures of the targets published in one hour of one day (both in the tenant's time zone at the
-- time of the roll-up) on one account. Days before the tenant's today are read from here; today is computed live.
CREATE TABLE analytics.daily_rollups (
    tenant_id         uuid NOT NULL,
    day               date NOT NULL,
    hour              smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
    social_account_id uuid NOT NULL,
    platform          text NOT NULL,
    targets           integer NOT NULL,
    rated_targets     integer NOT NULL,
    impressions       bigint NOT NULL,
    reach             bigint NOT NULL,
    views             bigint NOT NULL,
    likes             bigint NOT NULL,
    comments          bigint NOT NULL,
    shares            bigint NOT NULL,
    saves             bigint NOT NULL,
    clicks            bigint NOT NULL,
    rated_engagements bigint NOT NULL,
    engagement_base   bigint NOT NULL,
    PRIMARY KEY (tenant_id, day, hour, social_account_id)
);
CALL platform_tenancy.isolate('analytics.daily_rollups');

-- How far a tenant's roll-ups are complete: snapshots fetched up to rolled_up_to, bucketed in time_zone. A tenant that
-- changes its time zone is rebuilt by the next roll-up; until then reports compute everything live.
CREATE TABLE analytics.rollup_state (
    tenant_id    uuid PRIMARY KEY,
    time_zone    text NOT NULL,
    rolled_up_to timestamptz NOT NULL
);
CALL platform_tenancy.isolate('analytics.rollup_state');

-- The roll-up sweep needs to know which tenants have snapshots newer than their roll-ups, and nothing more (see 0010 for
-- the owner policy that lets the SECURITY DEFINER function below read across tenants; the app role is unaffected).
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_tenant_scan ON analytics.metric_snapshots FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_tenant_scan ON analytics.rollup_state FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION analytics.tenants_with_snapshots_since(since timestamptz)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT s.tenant_id
    FROM analytics.metric_snapshots s
    LEFT JOIN analytics.rollup_state r ON r.tenant_id = s.tenant_id
    WHERE s.fetched_at > since AND (r.rolled_up_to IS NULL OR s.fetched_at > r.rolled_up_to)
$$;

REVOKE ALL ON FUNCTION analytics.tenants_with_snapshots_since(timestamptz) FROM PUBLIC;

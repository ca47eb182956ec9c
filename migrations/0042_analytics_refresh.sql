-- "Fetch now" for a tenant: one row per tenant holding its latest refresh, locked while a new one is decided, so the
-- throttle holds across concurrent requests and hosts.
CREATE TABLE analytics.refreshes (
    tenant_id    uuid PRIMARY KEY,
    refresh_id   uuid NOT NULL,
    requested_by uuid,
    requested_at timestamptz NOT NULL
);
CALL platform_tenancy.isolate('analytics.refreshes');

-- A fetch asked for now belongs to its refresh instead of a slot of the schedule: at most one snapshot per target and
-- refresh, so a refresh job that runs twice stores nothing twice. Slots stay unique per target (NULLs never collide).
ALTER TABLE analytics.metric_snapshots ADD COLUMN refresh_id uuid;
ALTER TABLE analytics.metric_snapshots ALTER COLUMN slot DROP NOT NULL;
ALTER TABLE analytics.metric_snapshots
    ADD CONSTRAINT metric_snapshots_slot_or_refresh CHECK ((slot IS NULL) <> (refresh_id IS NULL));
CREATE UNIQUE INDEX analytics_metric_snapshots_refresh_idx ON analytics.metric_snapshots (target_id, refresh_id)
    WHERE refresh_id IS NOT NULL;

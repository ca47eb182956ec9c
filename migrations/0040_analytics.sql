-- One row per thing that happened to a post on a platform (published, failed, ...), the raw events analytics counts.
CREATE TABLE analytics.events (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    post_id           uuid,
    social_account_id uuid,
    event_type        text NOT NULL,
    platform          text NOT NULL,
    value             integer NOT NULL DEFAULT 1,
    source_event_id   uuid UNIQUE,
    recorded_at       timestamptz NOT NULL
);
CREATE INDEX analytics_events_tenant_time_idx ON analytics.events (tenant_id, recorded_at);

ALTER TABLE analytics.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics.events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics.events
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

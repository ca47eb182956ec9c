-- Metrics the platforms report for each published target, fetched on a decaying schedule after publishing.

-- A published target whose metrics are being collected: what a fetch needs to ask the platform.
CREATE TABLE analytics.tracked_targets (
    target_id         uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    post_id           uuid NOT NULL,
    social_account_id uuid NOT NULL,
    platform          text NOT NULL,
    platform_post_id  text NOT NULL,
    published_at      timestamptz NOT NULL
);
CREATE INDEX analytics_tracked_targets_post_idx ON analytics.tracked_targets (tenant_id, post_id);
CALL platform_tenancy.isolate('analytics.tracked_targets');

-- One row per scheduled fetch (slot) of a target: a job that runs twice stores one row. Null = the platform has no such figure.
CREATE TABLE analytics.metric_snapshots (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    target_id         uuid NOT NULL REFERENCES analytics.tracked_targets (target_id) ON DELETE CASCADE,
    post_id           uuid NOT NULL,
    social_account_id uuid NOT NULL,
    platform          text NOT NULL,
    slot              integer NOT NULL CHECK (slot >= 0),
    fetched_at        timestamptz NOT NULL,
    impressions       bigint,
    reach             bigint,
    views             bigint,
    likes             bigint,
    comments          bigint,
    shares            bigint,
    saves             bigint,
    clicks            bigint,
    others            jsonb,
    UNIQUE (target_id, slot)
);
CREATE INDEX analytics_metric_snapshots_tenant_time_idx ON analytics.metric_snapshots (tenant_id, fetched_at);
CALL platform_tenancy.isolate('analytics.metric_snapshots');

-- Whether collection works for an account, and why not when a platform refused (token expired, rate limited, scope).
CREATE TABLE analytics.account_status (
    tenant_id         uuid NOT NULL,
    social_account_id uuid NOT NULL,
    state             text NOT NULL,
    refusal           text,
    reason            text,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, social_account_id)
);
CALL platform_tenancy.isolate('analytics.account_status');

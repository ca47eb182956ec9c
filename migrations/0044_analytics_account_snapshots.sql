-- Account-level numbers (followers) collected once a day per connected account. The day is the tenant's, in its time zone
-- at collection; a second collection on the same day replaces the first, so a job that runs twice stores one row.
-- Null = the platform offers the figure but did not give it this time (a hidden subscriber count).
CREATE TABLE analytics.account_snapshots (
    tenant_id         uuid NOT NULL,
    social_account_id uuid NOT NULL,
    day               date NOT NULL,
    platform          text NOT NULL,
    followers         bigint CHECK (followers >= 0),
    fetched_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, social_account_id, day)
);
-- The overview reads a tenant's days in a range.
CREATE INDEX analytics_account_snapshots_day_idx ON analytics.account_snapshots (tenant_id, day);
CALL platform_tenancy.isolate('analytics.account_snapshots');

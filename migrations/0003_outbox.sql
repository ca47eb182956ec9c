-- Integration events between modules, one row per (event, handler). Global: the processor claims across
-- tenants; the tenant travels in the row and each handler runs under it.
CREATE SCHEMA IF NOT EXISTS platform_events;

CREATE TABLE platform_events.outbox (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    event_type      text NOT NULL,
    handler         text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    locked_until    timestamptz,
    processed_at    timestamptz,
    last_error      text
);
CREATE INDEX outbox_pending_idx ON platform_events.outbox (next_attempt_at) WHERE processed_at IS NULL;

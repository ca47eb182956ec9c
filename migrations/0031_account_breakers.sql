-- The publishing circuit breaker of one social account, shared by every host (ADR 0002). A row exists while the
-- account is failing (consecutive_failures > 0), paused (paused_at set) or on trial; a healthy account has none.
CREATE TABLE posts.account_breakers (
    tenant_id            uuid NOT NULL,
    social_account_id    uuid NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_error_kind      text,
    last_error           text,
    -- Who paused publishing: the breaker (after failures), or a user (until resumed, or until paused_until).
    paused_by            text CHECK (paused_by IN ('breaker', 'user')),
    pause_reason         text,
    paused_at            timestamptz,
    paused_until         timestamptz,
    -- Once a breaker pause has run out, the one target allowed through to test the account, and until when it holds that right.
    trial_target_id      uuid,
    trial_until          timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, social_account_id),
    CHECK ((paused_by IS NULL) = (paused_at IS NULL)),
    CHECK (paused_by = 'user' OR paused_at IS NULL OR paused_until IS NOT NULL)
);

ALTER TABLE posts.account_breakers ENABLE ROW LEVEL SECURITY;
ALTER TABLE posts.account_breakers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON posts.account_breakers
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

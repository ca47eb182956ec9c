-- The audit log: who changed what, when and from where, appended in the same transaction as the change itself.
-- Append-only: listed in platform_migrations.append_only_tables, so the migration runner leaves the app role INSERT and
-- SELECT on it and never UPDATE or DELETE. Old rows leave only through audit.prune, a function of the owner.
CREATE SCHEMA audit;

CREATE TABLE audit.entries (
    id               uuid PRIMARY KEY,
    tenant_id        uuid,
    occurred_at      timestamptz NOT NULL,
    actor_kind       text NOT NULL CHECK (actor_kind IN ('User', 'ApiKey', 'System', 'Anonymous')),
    actor_user_id    uuid,
    actor_api_key_id uuid,
    action           text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
    resource_type    text NOT NULL CHECK (resource_type ~ '^[a-z_]+$'),
    resource_id      uuid,
    before           jsonb,
    after            jsonb,
    client_address   inet,
    correlation_id   text CHECK (length(correlation_id) BETWEEN 1 AND 64),
    CHECK (tenant_id IS NOT NULL OR action = 'auth.sign_in_failed'),
    CHECK ((actor_kind = 'ApiKey') = (actor_api_key_id IS NOT NULL))
);
-- The listing reads a tenant's rows newest first and pages by (time, id); retention finds old rows by time alone.
-- A row without a tenant is a failed sign-in that named no known account, written by the function below.
CREATE INDEX entries_tenant_time ON audit.entries (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX entries_occurred ON audit.entries (occurred_at);
CALL platform_tenancy.isolate('audit.entries');

INSERT INTO platform_migrations.append_only_tables (table_name) VALUES ('audit.entries');

-- FORCE RLS binds the owner too: these policies let the owner's functions below, and nothing of the app role, see every
-- tenant's rows to prune them, and write the one kind of row that has no tenant.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_prune_read ON audit.entries FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_prune ON audit.entries FOR DELETE TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_append_without_tenant ON audit.entries FOR INSERT TO %I WITH CHECK (tenant_id IS NULL)', current_user);
END
$$;

-- A failed sign-in for an email no account has: no tenant to file it under, so it is kept for the platform's operators.
CREATE FUNCTION audit.append_sign_in_failure_without_tenant(
    p_id uuid, p_occurred_at timestamptz, p_after jsonb, p_client_address inet, p_correlation_id text)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    INSERT INTO audit.entries (id, tenant_id, occurred_at, actor_kind, action, resource_type, after, client_address, correlation_id)
    VALUES (p_id, NULL, p_occurred_at, 'Anonymous', 'auth.sign_in_failed', 'user', p_after, p_client_address, p_correlation_id)
$$;

-- Retention: deletes up to p_batch rows older than p_retain_days (never fewer than 30 days, whatever the caller asks),
-- across tenants, and answers how many it deleted.
CREATE FUNCTION audit.prune(p_retain_days integer, p_batch integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    removed integer;
BEGIN
    IF p_retain_days IS NULL OR p_retain_days < 30 THEN
        RAISE EXCEPTION 'audit entries are kept at least 30 days, not %', p_retain_days;
    END IF;
    IF p_batch IS NULL OR p_batch NOT BETWEEN 1 AND 100000 THEN
        RAISE EXCEPTION 'a prune batch holds 1 to 100000 rows, not %', p_batch;
    END IF;
    DELETE FROM audit.entries
    WHERE id IN (SELECT id FROM audit.entries WHERE occurred_at < now() - make_interval(days => p_retain_days) LIMIT p_batch);
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END
$$;

REVOKE ALL ON FUNCTION audit.append_sign_in_failure_without_tenant(uuid, timestamptz, jsonb, inet, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION audit.prune(integer, integer) FROM PUBLIC;

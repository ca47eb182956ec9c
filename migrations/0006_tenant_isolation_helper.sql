-- The one way a migration puts a tenant table under row-level security: enabled, forced (the owner is bound too), and
-- one policy comparing the tenant column with the transaction-local app.tenant_id, so no tenant applied means no rows.
-- Migrations call it as the owner: CALL platform_tenancy.isolate('schema.table');
CREATE SCHEMA IF NOT EXISTS platform_tenancy;

CREATE PROCEDURE platform_tenancy.isolate(target regclass, tenant_column name DEFAULT 'tenant_id')
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format($policy$CREATE POLICY tenant_isolation ON %1$s
        USING (%2$I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (%2$I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$policy$, target, tenant_column);
END
$$;

REVOKE ALL ON PROCEDURE platform_tenancy.isolate(regclass, name) FROM PUBLIC;

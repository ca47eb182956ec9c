-- A platform administrator's read across tenants (the jobs dashboard's publishing pages) concerns no tenant in
-- particular, so it is kept without one, as the failed sign-ins of unknown accounts are: the smallest addition is to let
-- actions named platform.* be stored without a tenant too, always by a named user, through the owner's function below
-- (row-level security lets no tenant-less row in otherwise). Tenants never see these rows; their listing is tenant-scoped.
ALTER TABLE audit.entries DROP CONSTRAINT entries_check;
ALTER TABLE audit.entries ADD CONSTRAINT entries_tenant_unless_sign_in_failure_or_platform CHECK (
    tenant_id IS NOT NULL
    OR action = 'auth.sign_in_failed'
    OR (action LIKE 'platform.%' AND actor_kind = 'User' AND actor_user_id IS NOT NULL));

CREATE FUNCTION audit.append_platform_entry(
    p_id uuid, p_occurred_at timestamptz, p_actor_user_id uuid, p_action text, p_resource_type text, p_after jsonb,
    p_client_address inet, p_correlation_id text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_action IS NULL OR p_action NOT LIKE 'platform.%' THEN
        RAISE EXCEPTION 'only platform.* actions are kept without a tenant, not %', p_action;
    END IF;
    INSERT INTO audit.entries (id, tenant_id, occurred_at, actor_kind, actor_user_id, action, resource_type, after, client_address, correlation_id)
    VALUES (p_id, NULL, p_occurred_at, 'User', p_actor_user_id, p_action, p_resource_type, p_after, p_client_address, p_correlation_id);
END
$$;

REVOKE ALL ON FUNCTION audit.append_platform_entry(uuid, timestamptz, uuid, text, text, jsonb, inet, text) FROM PUBLIC;

-- The sweep of abandoned direct uploads learns which tenants have one (ids only) through this function, then removes
-- each tenant's under that tenant's row-level security.

CREATE INDEX media_uploads_created ON media.uploads (created_at);

-- The owner (this function's definer) may read across tenants; the app role is unaffected.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_tenant_scan ON media.uploads FOR SELECT TO %I USING (true)', current_user);
END
$$;

CREATE FUNCTION media.tenants_with_uploads_started_before(started_before timestamptz)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT u.tenant_id FROM media.uploads u WHERE u.created_at < started_before
$$;

REVOKE ALL ON FUNCTION media.tenants_with_uploads_started_before(timestamptz) FROM PUBLIC;

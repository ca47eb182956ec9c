-- API keys: integrators call the API with a key of a tenant instead of a person's short-lived token. Only the SHA-256 of
-- each key's 32 random bytes is stored; the key names its row by id, so the sign-in lookup needs no scan.
CREATE SCHEMA api_keys;

CREATE TABLE api_keys.keys (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scopes         text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY[
                       'posts:read', 'posts:write', 'publish', 'accounts:read', 'analytics:read', 'ai:generate',
                       'media:write', 'webhooks:manage']::text[]),
    secret_hash    bytea NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    created_by     uuid NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz CHECK (expires_at > created_at),
    last_used_at   timestamptz,
    last_used_from inet,
    revoked_at     timestamptz,
    revoked_by     uuid
);
CREATE INDEX keys_tenant_created ON api_keys.keys (tenant_id, created_at DESC, id);
CALL platform_tenancy.isolate('api_keys.keys');

-- The owner (this function's definer) may read across tenants; the app role is unaffected and never bypasses RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_lookup ON api_keys.keys FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- The one path to a key before its tenant is known: the row of one id, unless revoked, with what checking the presented
-- secret and acting with it needs. The secret is compared by the caller, in constant time.
CREATE FUNCTION api_keys.key_for_authentication(p_id uuid)
    RETURNS TABLE (tenant_id uuid, secret_hash bytea, scopes text[], created_by uuid, expires_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT k.tenant_id, k.secret_hash, k.scopes, k.created_by, k.expires_at
    FROM api_keys.keys k
    WHERE k.id = p_id AND k.revoked_at IS NULL
$$;

REVOKE ALL ON FUNCTION api_keys.key_for_authentication(uuid) FROM PUBLIC;

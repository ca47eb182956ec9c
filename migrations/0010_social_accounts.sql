-- Connected social accounts. Tokens are AES-256-GCM ciphertexts made by the application; key_id names the key
-- they are under, so a rotation can find what still needs re-encrypting.
CREATE TABLE social_accounts.accounts (
    id                       uuid PRIMARY KEY,
    tenant_id                uuid NOT NULL,
    platform                 text NOT NULL CHECK (platform IN
                                 ('instagram', 'x', 'linkedin', 'facebook', 'tiktok', 'youtube', 'pinterest', 'threads', 'reddit')),
    external_id              text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
    display_name             text NOT NULL,
    handle                   text,
    avatar_url               text,
    status                   text NOT NULL CHECK (status IN ('active', 'expired', 'revoked', 'needs_reconnect')),
    status_reason            text,
    access_token_cipher      text NOT NULL,
    refresh_token_cipher     text,
    key_id                   text NOT NULL,
    token_expires_at         timestamptz,
    refresh_token_expires_at timestamptz,
    scopes                   text NOT NULL DEFAULT '',
    metadata                 jsonb NOT NULL DEFAULT '{}'::jsonb,
    connected_by             uuid NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    last_sync_at             timestamptz,
    last_refreshed_at        timestamptz,
    CONSTRAINT accounts_one_per_platform_identity UNIQUE (tenant_id, platform, external_id)
);

CREATE INDEX accounts_expiring ON social_accounts.accounts (token_expires_at) WHERE status = 'active';

ALTER TABLE social_accounts.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE social_accounts.accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON social_accounts.accounts
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Cross-tenant sweeps (token refresh, key rotation) need to know which tenants have work, and nothing more.
-- FORCE RLS applies to the owner too, so the SECURITY DEFINER functions below (owned by it) see other tenants
-- only through this read-only policy for the owner role; the app role is unaffected and never bypasses RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_tenant_scan ON social_accounts.accounts FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- Tenants with an active token expiring before the horizon: ids only, so the sweep can fan out one job per tenant.
CREATE FUNCTION social_accounts.tenants_with_expiring_tokens(horizon timestamptz)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT tenant_id FROM social_accounts.accounts
    WHERE status = 'active' AND token_expires_at IS NOT NULL AND token_expires_at < horizon
$$;

-- Tenants holding tokens under a key other than the current one: ids only, for the re-encryption routine.
CREATE FUNCTION social_accounts.tenants_with_tokens_not_under(current_key_id text)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT tenant_id FROM social_accounts.accounts WHERE key_id <> current_key_id
$$;

REVOKE ALL ON FUNCTION social_accounts.tenants_with_expiring_tokens(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION social_accounts.tenants_with_tokens_not_under(text) FROM PUBLIC;

CREATE TABLE users.users (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    email             text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    email_normalized  text NOT NULL UNIQUE,
    display_name      text,
    password_hash     text NOT NULL,
    role              text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    is_active         boolean NOT NULL DEFAULT true,
    is_platform_admin boolean NOT NULL DEFAULT false,
    token_version     integer NOT NULL DEFAULT 0,
    mfa_secret        text,
    mfa_enabled       boolean NOT NULL DEFAULT false,
    mfa_last_step     bigint,
    last_login_at     timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_tenant_idx ON users.users (tenant_id);

CREATE TABLE users.refresh_tokens (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    user_id        uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    family_id      uuid NOT NULL,
    token_hash     bytea NOT NULL UNIQUE,
    expires_at     timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    replaced_by    uuid,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX refresh_tokens_family_idx ON users.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON users.refresh_tokens (user_id);

CREATE TABLE users.recovery_codes (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    user_id    uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    code_hash  bytea NOT NULL,
    used_at    timestamptz
);
CREATE INDEX recovery_codes_user_idx ON users.recovery_codes (user_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'refresh_tokens', 'recovery_codes'] LOOP
        EXECUTE format('ALTER TABLE users.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE users.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON users.%I
            USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
    -- The owner (who runs migrations and owns the functions below) may read across tenants; the app role may not.
    EXECUTE format('CREATE POLICY owner_lookup ON users.users FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_lookup ON users.refresh_tokens FOR SELECT TO %I USING (true)', current_user);
END $$;

-- The narrow cross-tenant paths: each answers which tenant a credential belongs to, and nothing else.
CREATE FUNCTION users.tenant_of_email(p_email_normalized text)
RETURNS TABLE (user_id uuid, tenant_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, users AS $$
    SELECT u.id, u.tenant_id FROM users.users u WHERE u.email_normalized = p_email_normalized
$$;

CREATE FUNCTION users.tenant_of_refresh_token(p_token_hash bytea)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, users AS $$
    SELECT r.tenant_id FROM users.refresh_tokens r WHERE r.token_hash = p_token_hash
$$;

-- Checked on every authenticated request, before any unit of work exists.
CREATE FUNCTION users.access_token_is_current(p_user_id uuid, p_tenant_id uuid, p_token_version integer)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, users AS $$
    SELECT EXISTS (SELECT 1 FROM users.users u
                   WHERE u.id = p_user_id AND u.tenant_id = p_tenant_id
                     AND u.is_active AND u.token_version = p_token_version)
$$;

REVOKE ALL ON FUNCTION users.tenant_of_email(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION users.tenant_of_refresh_token(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION users.access_token_is_current(uuid, uuid, integer) FROM PUBLIC;

-- Password resets: only the SHA-256 of each token's secret is stored (the secret is derived from the server's key, so the
-- mail can be written later without keeping the token). The confirm path is anonymous: the token names its tenant and
-- reset, so the lookup runs under that tenant's row-level security, and the row is locked while it is spent.
CREATE TABLE users.password_resets (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at    timestamptz
);
CREATE INDEX password_resets_user_idx ON users.password_resets (tenant_id, user_id) WHERE used_at IS NULL;

CALL platform_tenancy.isolate('users.password_resets');

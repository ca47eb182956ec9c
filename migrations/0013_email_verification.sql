-- E-mail verification: a user's address counts as theirs once a mailed link was followed (or an invitation or a password
-- reset, both mailed, was used). As with password resets, only the SHA-256 of each link token's secret is stored, and
-- the anonymous verify path finds the row under the tenant the token names, locked while it is spent.
ALTER TABLE users.users ADD COLUMN email_verified_at timestamptz;

CREATE TABLE users.email_verifications (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at    timestamptz
);
CREATE INDEX email_verifications_user_idx ON users.email_verifications (tenant_id, user_id) WHERE used_at IS NULL;

CALL platform_tenancy.isolate('users.email_verifications');

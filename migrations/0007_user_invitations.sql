-- Invitations live server-side: only the SHA-256 of each token's random secret is stored, each is single use
-- (accepted_at is set under the row's lock in the unit of work that creates the user), and it can be revoked.
-- The accept path is anonymous: the token names its tenant and invitation, so the lookup runs under that tenant's
-- row-level security, and a token made up for another tenant finds no row whose hash it matches.
CREATE TABLE users.user_invitations (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    email            text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    email_normalized text NOT NULL,
    role             text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    token_hash       bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    invited_by       uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL CHECK (expires_at > created_at),
    accepted_at      timestamptz,
    accepted_user_id uuid REFERENCES users.users (id) ON DELETE SET NULL,
    revoked_at       timestamptz,
    revoked_by       uuid REFERENCES users.users (id) ON DELETE SET NULL,
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX user_invitations_pending_idx ON users.user_invitations (tenant_id, created_at)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

CALL platform_tenancy.isolate('users.user_invitations');

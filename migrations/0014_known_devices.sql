-- The devices each user has signed in from, by fingerprint only (a SHA-256 of the browser without its version and the
-- client's network), so that a sign-in from a new one can be mailed to the user. Neither address nor user agent is kept.
CREATE TABLE users.known_devices (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
    fingerprint   bytea NOT NULL CHECK (length(fingerprint) = 32),
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL CHECK (last_seen_at >= first_seen_at),
    UNIQUE (user_id, fingerprint)
);
CREATE INDEX known_devices_tenant_idx ON users.known_devices (tenant_id);

CALL platform_tenancy.isolate('users.known_devices');

-- Webhooks module: a tenant's webhook subscriptions, each with its own signing secret, and the log of every delivery.
CREATE SCHEMA IF NOT EXISTS webhooks;

-- A secret is never stored: it is derived from Webhooks:SigningKey and the salt (see WebhookSigner), so rotating it is
-- writing a new salt. The previous salt keeps signing until previous_secret_valid_until.
CREATE TABLE webhooks.subscriptions (
    id                          uuid PRIMARY KEY,
    tenant_id                   uuid NOT NULL,
    url                         text NOT NULL,
    event_types                 text[] NOT NULL CHECK (cardinality(event_types) > 0),
    active                      boolean NOT NULL,
    secret_salt                 text NOT NULL,
    previous_secret_salt        text,
    previous_secret_valid_until timestamptz,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    CHECK ((previous_secret_salt IS NULL) = (previous_secret_valid_until IS NULL))
);
CREATE INDEX webhooks_subscriptions_tenant_created ON webhooks.subscriptions (tenant_id, created_at, id);

-- The tenant's single webhook URL becomes its first subscription, to the events it used to receive. Its salt is the
-- tenant id: the secret derived from it is the one that URL's receiver already checks signatures with.
-- The tenants table forces row-level security on its owner too; the move reads every tenant, so it lifts that briefly.
ALTER TABLE tenants.tenants NO FORCE ROW LEVEL SECURITY;
INSERT INTO webhooks.subscriptions (id, tenant_id, url, event_types, active, secret_salt, created_at, updated_at)
SELECT gen_random_uuid(), id, settings->>'webhookUrl', ARRAY['post.published', 'post.failed', 'post.unconfirmed'], true, id::text, now(), now()
FROM tenants.tenants
WHERE coalesce(settings->>'webhookUrl', '') <> '';
UPDATE tenants.tenants SET settings = settings - 'webhookUrl' WHERE settings ? 'webhookUrl';
ALTER TABLE tenants.tenants FORCE ROW LEVEL SECURITY;
CALL platform_tenancy.isolate('webhooks.subscriptions');

-- One row per (subscription, event): an event handed over twice is delivered once. Attempts are numbered from 1.
CREATE TABLE webhooks.deliveries (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    subscription_id uuid NOT NULL REFERENCES webhooks.subscriptions (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL,
    event_type      text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL CHECK (status IN ('Pending', 'Sending', 'Succeeded', 'DeadLetter')),
    attempts_made   integer NOT NULL CHECK (attempts_made >= 0),
    attempt_limit   integer NOT NULL CHECK (attempt_limit >= 1),
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhooks_deliveries_subscription_created ON webhooks.deliveries (tenant_id, subscription_id, created_at DESC, id DESC);
CALL platform_tenancy.isolate('webhooks.deliveries');

-- What each attempt got back; the key makes a job that runs twice for one attempt record it once.
CREATE TABLE webhooks.delivery_attempts (
    delivery_id      uuid NOT NULL REFERENCES webhooks.deliveries (id) ON DELETE CASCADE,
    attempt          integer NOT NULL CHECK (attempt >= 1),
    tenant_id        uuid NOT NULL,
    attempted_at     timestamptz NOT NULL,
    status_code      integer,
    latency_ms       integer NOT NULL CHECK (latency_ms >= 0),
    response_excerpt text CHECK (octet_length(response_excerpt) <= 1024),
    error            text,
    PRIMARY KEY (delivery_id, attempt)
);
CALL platform_tenancy.isolate('webhooks.delivery_attempts');

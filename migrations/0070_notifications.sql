-- Notifications module: mail to send (one row per event, recipient and kind, so a redelivered event mails nobody twice),
-- each user's choices of what to be mailed about, and the in-app list.
CREATE SCHEMA IF NOT EXISTS notifications;

CREATE TABLE notifications.messages (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    source_event_id   uuid NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed')),
    recipient_user_id uuid,
    recipient_email   text NOT NULL CHECK (length(recipient_email) BETWEEN 3 AND 254),
    parameters        jsonb NOT NULL,
    created_at        timestamptz NOT NULL,
    attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    claimed_until     timestamptz,
    sent_at           timestamptz,
    UNIQUE (source_event_id, recipient_email, kind)
);
CALL platform_tenancy.isolate('notifications.messages');

CREATE TABLE notifications.preferences (
    tenant_id uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    user_id   uuid NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('AccountNeedsReconnect', 'PostFailed')),
    enabled   boolean NOT NULL,
    PRIMARY KEY (user_id, kind)
);
CALL platform_tenancy.isolate('notifications.preferences');

CREATE TABLE notifications.inbox (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants.tenants (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL,
    source_event_id uuid NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('Invitation', 'PasswordReset', 'AccountNeedsReconnect', 'PostFailed')),
    title           text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    read_at         timestamptz,
    UNIQUE (source_event_id, user_id, kind)
);
CREATE INDEX inbox_user_created ON notifications.inbox (tenant_id, user_id, created_at DESC, id DESC);
CALL platform_tenancy.isolate('notifications.inbox');

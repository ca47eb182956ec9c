CREATE TABLE posts.posts (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    created_by        uuid NOT NULL,
    title             text,
    content           text NOT NULL DEFAULT '',
    type              text NOT NULL CHECK (type IN ('text', 'image', 'video', 'link', 'carousel')),
    status            text NOT NULL CHECK (status IN ('draft', 'scheduled', 'publishing', 'published', 'partially_published', 'failed')),
    media             jsonb NOT NULL DEFAULT '[]'::jsonb,
    link              text,
    scheduled_at      timestamptz,
    time_zone         text,
    published_at      timestamptz,
    ai_generated_data jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer NOT NULL DEFAULT 0
);
CREATE INDEX posts_tenant_status_idx ON posts.posts (tenant_id, status);
CREATE INDEX posts_tenant_scheduled_idx ON posts.posts (tenant_id, scheduled_at);

-- One (post, account) pair: its own state machine, result and attempt count.
CREATE TABLE posts.post_targets (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    post_id           uuid NOT NULL REFERENCES posts.posts (id) ON DELETE CASCADE,
    social_account_id uuid NOT NULL,
    platform          text NOT NULL,
    custom_content    text,
    options           jsonb NOT NULL DEFAULT '{}'::jsonb,
    status            text NOT NULL CHECK (status IN ('pending', 'publishing', 'published', 'failed', 'unconfirmed')),
    platform_post_id  text,
    platform_url      text,
    error_kind        text,
    error_message     text,
    retry_count       integer NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz,
    published_at      timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (post_id, social_account_id)
);
CREATE INDEX post_targets_tenant_account_idx ON posts.post_targets (tenant_id, social_account_id);
CREATE INDEX post_targets_failed_idx ON posts.post_targets (tenant_id, status) WHERE status IN ('failed', 'unconfirmed');

CREATE TABLE posts.target_attempts (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    target_id   uuid NOT NULL REFERENCES posts.post_targets (id) ON DELETE CASCADE,
    attempt     integer NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    outcome     text NOT NULL CHECK (outcome IN ('started', 'published', 'retry', 'failed', 'unconfirmed', 'reconciled')),
    error_kind  text,
    error       text,
    worker      text NOT NULL
);
CREATE INDEX target_attempts_target_idx ON posts.target_attempts (target_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['posts', 'post_targets', 'target_attempts'] LOOP
        EXECUTE format('ALTER TABLE posts.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE posts.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON posts.%I
            USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    END LOOP;
END $$;

-- The due index: global on purpose (the dispatcher claims across tenants), and narrow: ids and times only,
-- no content. A row exists while a target waits to be published; the claim is a lease.
CREATE TABLE posts.publish_queue (
    target_id   uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    due_at      timestamptz NOT NULL,
    lease_owner text,
    lease_until timestamptz
);
CREATE INDEX publish_queue_due_idx ON posts.publish_queue (due_at);

CREATE FUNCTION posts.notify_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('posts_due', to_char(NEW.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
    RETURN NEW;
END $$;

-- Wakes every dispatcher when work is queued or moved earlier; delivered at commit, never for rolled-back work.
CREATE TRIGGER publish_queue_notify AFTER INSERT OR UPDATE OF due_at ON posts.publish_queue
    FOR EACH ROW EXECUTE FUNCTION posts.notify_due();

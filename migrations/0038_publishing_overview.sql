-- The platform administrators' publishing pages (the jobs dashboard) read every tenant's publishing state through the
-- functions below and nothing else: row-level security stays on for the app role, which sees only the columns these
-- functions answer (ids, states, times, error kinds, short error excerpts; never a post's content, options or the
-- platform's ids and links), at most 500 rows a call.

-- FORCE RLS binds the owner too: these policies let the owner's functions read across tenants, and nothing of the app role.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_overview_read ON posts.post_targets FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_overview_read ON posts.target_attempts FOR SELECT TO %I USING (true)', current_user);
    EXECUTE format('CREATE POLICY owner_overview_read ON posts.account_breakers FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- Targets that went wrong, newest first, without a sort over every tenant's targets: failed, unconfirmed, or waiting to
-- be tried again after a refusal (a pause's deferral is not a failure).
CREATE INDEX post_targets_troubled_recent_idx ON posts.post_targets (updated_at DESC)
    WHERE status IN ('failed', 'unconfirmed') OR (status = 'pending' AND retry_count > 0 AND error_kind IS NOT NULL);

-- Due targets and those a dispatcher holds, oldest due first, with how late each is. A held target is 'sending' once its
-- open attempt reached the platform call that may create the post, 'claimed' before that.
CREATE FUNCTION posts.overview_due_targets(p_limit integer)
    RETURNS TABLE (tenant_id uuid, post_id uuid, target_id uuid, social_account_id uuid, platform text, state text,
                   due_at timestamptz, lateness interval, lease_until timestamptz, sending_at timestamptz, attempts integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT q.tenant_id, t.post_id, q.target_id, t.social_account_id, t.platform,
           CASE WHEN q.lease_until IS NULL OR q.lease_until < now() THEN 'due'
                WHEN sending.sending_at IS NOT NULL THEN 'sending'
                ELSE 'claimed' END,
           q.due_at, now() - q.due_at,
           CASE WHEN q.lease_until >= now() THEN q.lease_until END,
           sending.sending_at, t.retry_count
    FROM posts.publish_queue q
    JOIN posts.post_targets t ON t.id = q.target_id
    LEFT JOIN LATERAL (
        SELECT a.sending_at FROM posts.target_attempts a
        WHERE a.target_id = q.target_id AND a.outcome = 'started' AND a.finished_at IS NULL
        ORDER BY a.attempt DESC LIMIT 1) sending ON q.lease_until >= now()
    -- A claim takes only due targets and keeps their due time, so held targets are among the due ones too.
    WHERE q.due_at <= now()
    ORDER BY q.due_at, q.target_id
    LIMIT least(greatest(p_limit, 1), 500)
$$;

-- Targets that went wrong, newest first: with p_given_up_only, only those given up on (failed, or unconfirmed with no
-- lookup left), the dead letter. Each with its attempts: outcome, times, error kind, an error excerpt and the names of
-- the steps the platform took (not their values: an upload session's address may carry a credential).
CREATE FUNCTION posts.overview_troubled_targets(p_given_up_only boolean, p_limit integer)
    RETURNS TABLE (tenant_id uuid, post_id uuid, target_id uuid, social_account_id uuid, platform text, status text,
                   error_kind text, error_excerpt text, attempts integer, next_attempt_at timestamptz, updated_at timestamptz,
                   attempt_log jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT t.tenant_id, t.post_id, t.id, t.social_account_id, t.platform, t.status, t.error_kind, left(t.error_message, 200),
           t.retry_count, t.next_attempt_at, t.updated_at,
           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'attempt', a.attempt, 'outcome', a.outcome, 'startedAt', a.started_at, 'finishedAt', a.finished_at,
                        'errorKind', a.error_kind, 'error', left(a.error, 200),
                        'steps', (SELECT coalesce(jsonb_agg(step ORDER BY step), '[]'::jsonb) FROM jsonb_object_keys(a.steps) AS step))
                    ORDER BY a.attempt), '[]'::jsonb)
            FROM posts.target_attempts a WHERE a.target_id = t.id)
    FROM posts.post_targets t
    WHERE (t.status IN ('failed', 'unconfirmed') OR (t.status = 'pending' AND t.retry_count > 0 AND t.error_kind IS NOT NULL))
      AND (NOT p_given_up_only OR t.status = 'failed' OR (t.status = 'unconfirmed' AND t.next_attempt_at IS NULL))
    ORDER BY t.updated_at DESC, t.id
    LIMIT least(greatest(p_limit, 1), 500)
$$;

-- Accounts whose publishing is paused (breaker open, waiting for a reconnect, or paused by a person), with how many of
-- their targets wait in the queue meanwhile. No pause reason: a person's reason is their own text.
CREATE FUNCTION posts.overview_paused_accounts(p_limit integer)
    RETURNS TABLE (tenant_id uuid, social_account_id uuid, paused_by text, paused_at timestamptz, paused_until timestamptz,
                   consecutive_failures integer, last_error_kind text, waiting_targets bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT b.tenant_id, b.social_account_id, b.paused_by, b.paused_at, b.paused_until, b.consecutive_failures, b.last_error_kind,
           (SELECT count(*) FROM posts.post_targets t JOIN posts.publish_queue q ON q.target_id = t.id
            WHERE t.tenant_id = b.tenant_id AND t.social_account_id = b.social_account_id)
    FROM posts.account_breakers b
    WHERE b.paused_at IS NOT NULL
    ORDER BY b.paused_at DESC, b.social_account_id
    LIMIT least(greatest(p_limit, 1), 500)
$$;

REVOKE ALL ON FUNCTION posts.overview_due_targets(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION posts.overview_troubled_targets(boolean, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION posts.overview_paused_accounts(integer) FROM PUBLIC;

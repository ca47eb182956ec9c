-- Webhook deliveries are sent by a dispatcher in each host instead of a background job each: it claims due deliveries
-- across tenants in batches, at most a few in flight per subscription, so one slow receiver holds back only its own.

CREATE INDEX deliveries_pending_due ON webhooks.deliveries (next_attempt_at) WHERE status = 'Pending';
CREATE INDEX deliveries_pending_by_subscription ON webhooks.deliveries (subscription_id, next_attempt_at) WHERE status = 'Pending';
CREATE INDEX deliveries_sending_by_subscription ON webhooks.deliveries (subscription_id, updated_at) WHERE status = 'Sending';

-- FORCE RLS binds the owner too: these policies let the owner's functions below, and nothing of the app role, see
-- every tenant's deliveries. The functions answer ids and times only; content is read in the tenant's own scope.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_dispatch ON webhooks.deliveries FOR ALL TO %I USING (true) WITH CHECK (true)', current_user);
    EXECUTE format('CREATE POLICY owner_dispatch_read ON webhooks.subscriptions FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- Marks up to p_limit due deliveries Sending and answers them, oldest due first, never letting a subscription have
-- more than p_per_subscription Sending at once. Claims are taken one at a time (a transaction lock), so two hosts
-- claiming together cannot both fill a subscription's last slot.
CREATE FUNCTION webhooks.claim_due_deliveries(p_limit integer, p_per_subscription integer)
    RETURNS TABLE (tenant_id uuid, delivery_id uuid, attempt integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_limit NOT BETWEEN 1 AND 1000 OR p_per_subscription NOT BETWEEN 1 AND 1000 THEN
        RAISE EXCEPTION 'a claim takes 1 to 1000 deliveries, at most 1 to 1000 a subscription, not % and %', p_limit, p_per_subscription;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('webhooks.claim_due_deliveries'));
    RETURN QUERY
    WITH due AS (
        SELECT d.id, d.next_attempt_at
        FROM webhooks.subscriptions s
        CROSS JOIN LATERAL (
            SELECT p.id, p.next_attempt_at FROM webhooks.deliveries p
            WHERE p.subscription_id = s.id AND p.status = 'Pending' AND p.next_attempt_at <= clock_timestamp()
            ORDER BY p.next_attempt_at
            LIMIT greatest(0, p_per_subscription - (
                SELECT count(*) FROM webhooks.deliveries b WHERE b.subscription_id = s.id AND b.status = 'Sending'))
        ) d
        ORDER BY d.next_attempt_at
        LIMIT p_limit
    )
    UPDATE webhooks.deliveries w
    SET status = 'Sending', updated_at = clock_timestamp()
    FROM due
    WHERE w.id = due.id AND w.status = 'Pending'
    RETURNING w.tenant_id, w.id, w.attempts_made + 1;
END
$$;

-- How long until the next delivery falls due (negative when one is due now, null when none waits).
CREATE FUNCTION webhooks.until_next_delivery()
    RETURNS interval
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT min(next_attempt_at) - clock_timestamp() FROM webhooks.deliveries WHERE status = 'Pending'
$$;

-- The tenants with a delivery marked Sending before p_before: its host stopped before it recorded the outcome.
CREATE FUNCTION webhooks.tenants_with_deliveries_sending_since(p_before timestamptz)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT tenant_id FROM webhooks.deliveries WHERE status = 'Sending' AND updated_at < p_before
$$;

REVOKE ALL ON FUNCTION webhooks.claim_due_deliveries(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION webhooks.until_next_delivery() FROM PUBLIC;
REVOKE ALL ON FUNCTION webhooks.tenants_with_deliveries_sending_since(timestamptz) FROM PUBLIC;

-- Wakes every dispatcher when a delivery starts waiting (queued, retried, redelivered); sent at commit, never for
-- rolled-back work, and once per transaction however many rows it queued.
CREATE FUNCTION webhooks.notify_delivery_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('webhooks_due', '');
    RETURN NULL;
END $$;

CREATE TRIGGER deliveries_notify_due AFTER INSERT OR UPDATE OF status ON webhooks.deliveries
    FOR EACH ROW WHEN (NEW.status = 'Pending') EXECUTE FUNCTION webhooks.notify_delivery_due();

-- Billing module: each tenant's Stripe customer and subscription state, and the Stripe events already applied.
CREATE SCHEMA IF NOT EXISTS billing;

-- One row per tenant that has started a checkout; no row means the free plan. The customer id is unique, so one Stripe
-- customer can never bill two tenants.
CREATE TABLE billing.accounts (
    tenant_id           uuid PRIMARY KEY,
    stripe_customer_id  text UNIQUE CHECK (length(stripe_customer_id) BETWEEN 1 AND 255),
    plan                text NOT NULL,
    status              text NOT NULL CHECK (status IN ('none', 'active', 'past_due', 'canceled')),
    billing_interval    text CHECK (billing_interval IN ('month', 'year')),
    subscription_id     text,
    current_period_end  timestamptz,
    observed_at         timestamptz,
    updated_at          timestamptz NOT NULL
);
CALL platform_tenancy.isolate('billing.accounts');

-- Stripe events name a customer, not a tenant. FORCE RLS binds the owner too, so the SECURITY DEFINER function below
-- (owned by it) reads other tenants' customers only through this read-only policy; the app role never bypasses RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_tenant_scan ON billing.accounts FOR SELECT TO %I USING (true)', current_user);
END
$$;

-- The tenant a Stripe customer belongs to, or null: the webhook learns that one id and nothing else of other tenants.
CREATE FUNCTION billing.tenant_of_customer(customer_id text)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT tenant_id FROM billing.accounts WHERE stripe_customer_id = customer_id
$$;

REVOKE ALL ON FUNCTION billing.tenant_of_customer(text) FROM PUBLIC;

-- Stripe delivers events at least once (https://docs.stripe.com/webhooks#handle-duplicate-events): each applied event's
-- id is recorded in the transaction that applies it, and the key makes a second application impossible.
CREATE TABLE billing.processed_events (
    event_id      text PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 255),
    tenant_id     uuid NOT NULL,
    event_type    text NOT NULL,
    processed_at  timestamptz NOT NULL
);
CALL platform_tenancy.isolate('billing.processed_events');

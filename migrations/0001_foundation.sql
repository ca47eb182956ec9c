-- One schema per module; each module's tables live only in its own schema.
CREATE SCHEMA IF NOT EXISTS tenants;
CREATE SCHEMA IF NOT EXISTS users;
CREATE SCHEMA IF NOT EXISTS social_accounts;
CREATE SCHEMA IF NOT EXISTS posts;
CREATE SCHEMA IF NOT EXISTS ai;
CREATE SCHEMA IF NOT EXISTS analytics;
CREATE SCHEMA IF NOT EXISTS media;

-- The tenant row is the tenant's own: the policy compares its id with the unit of work's tenant.
CREATE TABLE tenants.tenants (
    id               uuid PRIMARY KEY,
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    plan_tier        text NOT NULL DEFAULT 'free' CHECK (plan_tier IN ('free', 'starter', 'pro', 'enterprise')),
    ai_budget_limit  numeric(12, 4) NOT NULL DEFAULT 10 CHECK (ai_budget_limit >= 0),
    ai_usage_current numeric(12, 4) NOT NULL DEFAULT 0 CHECK (ai_usage_current >= 0),
    settings         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE tenants.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants.tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants.tenants
    USING (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

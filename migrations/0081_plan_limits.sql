-- The plan a tenant is on lives in billing (billing.accounts, no row = free); the old tier column was never read as one.
ALTER TABLE tenants.tenants DROP COLUMN plan_tier;

-- The AI budget of a month is the plan's. A tenant may keep a stricter one of its own in ai_budget_limit; NULL means
-- none. The 10 USD every tenant was given at creation was no choice of theirs, so it gives way to the plan.
ALTER TABLE tenants.tenants ALTER COLUMN ai_budget_limit DROP NOT NULL, ALTER COLUMN ai_budget_limit DROP DEFAULT;
UPDATE tenants.tenants SET ai_budget_limit = NULL WHERE ai_budget_limit = 10;

-- The calendar month (UTC) ai_usage_current counts; the first reservation of a new month starts it again from zero.
ALTER TABLE tenants.tenants ADD COLUMN ai_usage_month date;
UPDATE tenants.tenants SET ai_usage_month = date_trunc('month', now() AT TIME ZONE 'UTC')::date;

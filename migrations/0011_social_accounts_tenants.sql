-- Tenants with any connected account (in whatever status): ids only, for daily sweeps that fan out one job per tenant,
-- such as the collection of account numbers. Reads through the owner policy of 0010; the app role only executes it.
CREATE FUNCTION social_accounts.tenants_with_accounts()
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT DISTINCT tenant_id FROM social_accounts.accounts
$$;

REVOKE ALL ON FUNCTION social_accounts.tenants_with_accounts() FROM PUBLIC;

-- A token refresh claims the account for a lease in one short transaction, calls the platform holding no connection,
-- and stores the answer in another; the claim keeps two refreshes from spending one refresh token meanwhile.
ALTER TABLE social_accounts.accounts
    ADD COLUMN refresh_claim_id      uuid,
    ADD COLUMN refresh_claimed_until timestamptz;

-- An account whose token the platform refused for good pauses until it is reconnected: paused by 'reconnect', without
-- an end, like a user's open-ended pause.
ALTER TABLE posts.account_breakers DROP CONSTRAINT account_breakers_paused_by_check;
ALTER TABLE posts.account_breakers ADD CONSTRAINT account_breakers_paused_by_check
    CHECK (paused_by IN ('breaker', 'user', 'reconnect'));
ALTER TABLE posts.account_breakers DROP CONSTRAINT account_breakers_check1;
ALTER TABLE posts.account_breakers ADD CONSTRAINT account_breakers_pause_has_end
    CHECK (paused_by IN ('user', 'reconnect') OR paused_at IS NULL OR paused_until IS NOT NULL);

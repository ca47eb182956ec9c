-- A person checked the account after an unconfirmed outcome and did not find the post: the retry they asked for still
-- looks the post up first, and publishes when the platform cannot tell. The attempt that follows consumes it.
ALTER TABLE posts.post_targets ADD COLUMN absence_confirmed boolean NOT NULL DEFAULT false;

-- The platform ids a multi-step publish got so far (a media container, an upload session, a publish id), written as
-- each arrives, so that the next attempt continues from the last step the platform took instead of creating it again.
ALTER TABLE posts.target_attempts ADD COLUMN steps jsonb NOT NULL DEFAULT '{}'::jsonb;

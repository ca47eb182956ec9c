-- Attempts cut off by a stop of ours after they reached their send, and those of them a lookup showed had published
-- nothing: such attempts are not counted against the target's attempts.
ALTER TABLE posts.post_targets
    ADD COLUMN stopped_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN forgiven_attempts integer NOT NULL DEFAULT 0;

-- A target may carry its own media (a vertical video for one platform, a square image for another); an empty list means
-- the target sends the post's media.

ALTER TABLE posts.post_targets ADD COLUMN media jsonb NOT NULL DEFAULT '[]'::jsonb;

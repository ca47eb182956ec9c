-- When an attempt's worker reached the platform call that may create the post, committed before that call. A worker that
-- takes over an unfinished attempt without it knows the platform cannot have the post: no lookup, the attempt given back.
ALTER TABLE posts.target_attempts ADD COLUMN sending_at timestamptz;

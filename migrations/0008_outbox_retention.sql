-- Delivered outbox rows are deleted after a retention period; this index finds them without scanning pending work.
CREATE INDEX outbox_delivered_idx ON platform_events.outbox (processed_at) WHERE processed_at IS NOT NULL;

-- Claims take due targets grouped by tenant (ORDER BY due_at, tenant_id); the index serves that order without a sort.
CREATE INDEX publish_queue_due_tenant_idx ON posts.publish_queue (due_at, tenant_id);
DROP INDEX posts.publish_queue_due_idx;

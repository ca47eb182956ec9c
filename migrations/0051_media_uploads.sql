-- Direct uploads: a presigned PUT handed out for a declared size, waiting for its client to send the bytes and complete it.
-- The id becomes the media item's id, and the object is written straight under that item's key.

CREATE TABLE media.uploads (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    declared_bytes  bigint NOT NULL CHECK (declared_bytes > 0),
    object_key      text NOT NULL UNIQUE,
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX media_uploads_expiry ON media.uploads (expires_at);
CALL platform_tenancy.isolate('media.uploads');

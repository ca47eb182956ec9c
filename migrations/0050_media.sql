-- Media module: the tenant's library of uploaded files (bytes live in object storage) and its usage against the plan's quota.

CREATE TABLE media.items (
    id               uuid PRIMARY KEY,
    tenant_id        uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('image', 'video', 'gif')),
    content_type     text NOT NULL,
    size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
    width            integer CHECK (width > 0),
    height           integer CHECK (height > 0),
    duration_seconds double precision CHECK (duration_seconds >= 0),
    checksum_sha256  text NOT NULL CHECK (checksum_sha256 ~ '^[0-9a-f]{64}$'),
    alt_text         text,
    object_key       text NOT NULL UNIQUE,
    thumbnail_key    text,
    created_by       uuid NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX media_items_tenant_created ON media.items (tenant_id, created_at DESC, id DESC);
CALL platform_tenancy.isolate('media.items');

-- One row per tenant; uploads add to it with a guarded UPDATE, so concurrent uploads cannot pass the quota together.
CREATE TABLE media.usage (
    tenant_id   uuid PRIMARY KEY,
    used_bytes  bigint NOT NULL DEFAULT 0 CHECK (used_bytes >= 0),
    file_count  integer NOT NULL DEFAULT 0 CHECK (file_count >= 0)
);
CALL platform_tenancy.isolate('media.usage');

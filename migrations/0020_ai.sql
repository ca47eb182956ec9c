-- AI module: every generation request with its input, output, usage and cost; tenant prompt templates.

CREATE TABLE ai.ai_requests (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL,
    user_id        uuid,
    type           text NOT NULL CHECK (type IN ('CAPTION', 'CONTENT', 'IMAGE', 'HASHTAGS', 'IMPROVE')),
    status         text NOT NULL CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    provider       text,
    model          text,
    input          jsonb NOT NULL,
    output         jsonb,
    input_tokens   integer NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens  integer NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    tokens_used    integer NOT NULL DEFAULT 0 CHECK (tokens_used >= 0),
    -- reserved_usd is held against the tenant's budget while PENDING; cost_usd is what was finally charged.
    reserved_usd   numeric(12, 6) NOT NULL DEFAULT 0 CHECK (reserved_usd >= 0),
    cost_usd       numeric(12, 6) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    cache_hit      boolean NOT NULL DEFAULT false,
    error          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz
);

CREATE INDEX ai_requests_tenant_created ON ai.ai_requests (tenant_id, created_at DESC, id);
CREATE INDEX ai_requests_pending ON ai.ai_requests (created_at) WHERE status = 'PENDING';

ALTER TABLE ai.ai_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai.ai_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai.ai_requests
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE ai.prompt_templates (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    brand_voice     text,
    audience        text,
    call_to_action  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

ALTER TABLE ai.prompt_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai.prompt_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai.prompt_templates
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

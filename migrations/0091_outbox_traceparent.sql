-- The W3C trace context (https://www.w3.org/TR/trace-context/#traceparent-header) of the request or job that wrote an
-- outbox row, so the handler that processes the event continues the same trace. Null for rows written outside a trace.
ALTER TABLE platform_events.outbox
    ADD COLUMN traceparent text CHECK (traceparent ~ '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$');

-- How a unit of work enters its tenant: called in front of the first statement of a transaction, or of every
-- statement of a read-only unit of work (each its own implicit transaction), so it needs no round trip of its own.
-- A procedure because CALL returns no result set: the statement it rides with keeps its results first.
-- PL/pgSQL with one PERFORM: its plan is cached per connection (an SQL-language body is planned on every call).
CREATE SCHEMA IF NOT EXISTS platform_session;

CREATE OR REPLACE PROCEDURE platform_session.enter(tenant_id text, read_only boolean)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('app.tenant_id', coalesce(tenant_id, ''), true),
            CASE WHEN read_only THEN set_config('transaction_read_only', 'on', true) END;
END
$$;

-- A plan limit is checked in the round trip that commits the unit of work: PostgreSQL compares and, when the plan has no
-- room, raises, so the COMMIT after it in the same batch never runs and the transaction rolls back. The message carries
-- what the refusal names, as JSON (clients hide an error's detail by default). SQLSTATE PL402 is the platform's own (class PL is not used by PostgreSQL).
CREATE FUNCTION billing.ensure_plan_room(check_index integer, plan text, allowed numeric, used numeric, adding numeric)
    RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF used + adding > allowed THEN
        RAISE EXCEPTION USING ERRCODE = 'PL402',
            MESSAGE = json_build_object('check', check_index, 'plan', plan, 'used', used)::text;
    END IF;
END
$$;

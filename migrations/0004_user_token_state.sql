-- The current token version of an active user (NULL when inactive or unknown), for the access-token check.
CREATE FUNCTION users.token_state(p_user_id uuid, p_tenant_id uuid)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, users AS $$
    SELECT u.token_version FROM users.users u
    WHERE u.id = p_user_id AND u.tenant_id = p_tenant_id AND u.is_active
$$;
REVOKE ALL ON FUNCTION users.token_state(uuid, uuid) FROM PUBLIC;

-- Hosts cache token versions; this tells all of them at commit that a user's tokens changed.
CREATE FUNCTION users.notify_token_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('user_tokens', NEW.id::text);
    RETURN NEW;
END $$;

CREATE TRIGGER users_token_change AFTER UPDATE OF token_version, is_active ON users.users
    FOR EACH ROW WHEN (OLD.token_version IS DISTINCT FROM NEW.token_version OR OLD.is_active IS DISTINCT FROM NEW.is_active)
    EXECUTE FUNCTION users.notify_token_change();

-- Superseded by token_state, whose answer hosts can cache.
DROP FUNCTION users.access_token_is_current(uuid, uuid, integer);

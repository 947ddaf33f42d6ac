-- The application works as a role that is neither superuser nor table owner, so row-level security applies to it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'legami_app') THEN
    CREATE ROLE legami_app NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'legami_app', 'MEMBER') THEN
    EXECUTE format('GRANT legami_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO legami_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO legami_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO legami_app;

-- Territory scope of the current transaction, set by the access layer with set_config(..., true).
CREATE OR REPLACE FUNCTION legami_in_scope(comune text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('legami.scope_all', true), '') = 'on'
      OR comune = ANY (string_to_array(coalesce(current_setting('legami.comuni', true), ''), ','))
$$;

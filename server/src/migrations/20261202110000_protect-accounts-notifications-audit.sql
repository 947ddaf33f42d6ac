-- Every table holding personal data is behind row-level security: the accounts tables (credentials, sessions, login attempts) are reachable only through the accounts module's system context, the notification outbox only by its delivery job, the audit trail only within the reader's territory.

-- Users: the application role sees a user where one of their memberships reaches (a colleague's
-- name and e-mail beside the records they touched), never the password hash or the person link,
-- and changes no account: login, sessions and user management run in the accounts module's
-- system context (the owner), where each change is audited.
CREATE OR REPLACE FUNCTION legami_user_in_scope(target uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.user_id = target
      AND CASE m.scope_type
            -- A province-wide user shows in any territory, never in the empty (public) one.
            WHEN 'all' THEN coalesce(current_setting('legami.scope_all', true), '') = 'on'
                         OR coalesce(current_setting('legami.comuni', true), '') <> ''
            WHEN 'comune' THEN legami_in_scope(m.scope_id)
            ELSE EXISTS (SELECT 1 FROM comuni c WHERE c.ambito_id = m.scope_id AND legami_in_scope(c.istat_code))
          END)
$$;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_colleagues ON users FOR SELECT USING (legami_user_in_scope(id));
REVOKE ALL ON users FROM legami_app;
GRANT SELECT (id, full_name, email, is_active) ON users TO legami_app;

-- Sessions and login attempts: no policy, so the application role sees none and writes none.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON sessions FROM legami_app;
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON login_attempts FROM legami_app;

-- The outbox: a use case appends a notification in its own transaction but reads none back
-- (recipients' e-mails, phones and message bodies); only the delivery job, as a system context, does.
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_append ON notifications FOR INSERT WITH CHECK (true);
REVOKE UPDATE, DELETE, TRUNCATE ON notifications FROM legami_app;

-- The audit trail (actors' e-mails and addresses): every use case appends to it; a reader sees the
-- events of the comuni in their territory, and events tied to no comune (logins, accounts) only
-- with the whole province, as the audit search already filters.
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (true);
CREATE POLICY audit_events_territory ON audit_events FOR SELECT
  USING (CASE WHEN comune_code IS NULL THEN coalesce(current_setting('legami.scope_all', true), '') = 'on'
              ELSE legami_in_scope(comune_code) END);

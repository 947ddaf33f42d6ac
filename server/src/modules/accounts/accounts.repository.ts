import { pgArray, queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';
import type { Membership, MembershipInput } from '../../../../shared/src/accounts/accounts.schemas.js';

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  password_hash: string;
  is_demo: boolean;
  is_active: boolean;
  must_change_password: boolean;
  locale: 'it' | 'en';
  person_id: string | null;
  /** Set for citizens who logged in with SPID/CIE. */
  codice_fiscale: string | null;
}

export interface MembershipRow {
  role: Membership['role'];
  organization_id: string | null;
  organization_name: string | null;
  scope_type: 'all' | 'ambito' | 'comune';
  scope_id: string | null;
  /** ISTAT codes covered; null for scope 'all'. */
  comuni: string[] | null;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
  const [row] = await queryRows<UserRow>(tx, sql`SELECT * FROM users WHERE email = ${email}`);
  return row ?? null;
}

export async function findUserByCodiceFiscale(tx: Tx, codiceFiscale: string): Promise<UserRow | null> {
  const [row] = await queryRows<UserRow>(
    tx,
    sql`SELECT * FROM users WHERE codice_fiscale = ${codiceFiscale}`,
  );
  return row ?? null;
}

export async function findUserByPerson(tx: Tx, personId: string): Promise<UserRow | null> {
  const [row] = await queryRows<UserRow>(
    tx,
    sql`SELECT * FROM users WHERE person_id = ${personId} ORDER BY created_at LIMIT 1`,
  );
  return row ?? null;
}

export async function setUserCodiceFiscale(tx: Tx, userId: string, codiceFiscale: string): Promise<void> {
  await tx.execute(sql`UPDATE users SET codice_fiscale = ${codiceFiscale} WHERE id = ${userId}`);
}

export async function linkUserToPerson(tx: Tx, userId: string, personId: string): Promise<void> {
  await tx.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${userId}`);
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | null> {
  const [row] = await queryRows<UserRow>(tx, sql`SELECT * FROM users WHERE id = ${id}`);
  return row ?? null;
}

/** Memberships with their territory resolved to comuni; callers add the WHERE clause. */
const SELECT_MEMBERSHIPS = sql`
  SELECT m.user_id, m.role, m.organization_id, o.name AS organization_name, m.scope_type, m.scope_id,
         CASE WHEN m.scope_type = 'all' THEN NULL ELSE ARRAY(
           SELECT c.istat_code::text FROM comuni c
           WHERE (m.scope_type = 'ambito' AND c.ambito_id = m.scope_id)
              OR (m.scope_type = 'comune' AND c.istat_code = m.scope_id)) END AS comuni
  FROM memberships m LEFT JOIN organizations o ON o.id = m.organization_id`;

/** The row behind a live session: the user, the session's CSRF token, the memberships. */
export type SessionUserRow = UserRow & { csrf_token: string; memberships: MembershipRow[] };

/** The session read every request makes, under the plan name SESSION_USER_PLAN: one row, or none when the session is not live. */
export function sessionUserQuery(idHash: string): SQL {
  // Columns named: a prepared statement's result may not change shape under it (`u.*` after a migration).
  return sql`SELECT u.id, u.email, u.full_name, u.password_hash, u.is_demo, u.is_active, u.must_change_password, u.locale,
               u.person_id, u.codice_fiscale, s.csrf_token,
               coalesce((SELECT json_agg(x) FROM (${SELECT_MEMBERSHIPS} WHERE m.user_id = u.id ORDER BY m.created_at) x), '[]'::json) AS memberships
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = ${idHash} AND s.expires_at > now() AND u.is_active`;
}

export const SESSION_USER_PLAN = 'session-user';

/** The user and memberships behind a live session, in one round trip: this runs on every request. */
export async function findSessionUser(tx: Tx, idHash: string): Promise<SessionUserRow | null> {
  const [row] = await queryRows<SessionUserRow>(tx, sessionUserQuery(idHash), {
    prepared: SESSION_USER_PLAN,
  });
  return row ?? null;
}

/** Memberships of users with their territory resolved to comuni, in one query. */
export async function membershipsOf(tx: Tx, userIds: string[]): Promise<Map<string, MembershipRow[]>> {
  const rows = await queryRows<MembershipRow & { user_id: string }>(
    tx,
    sql`${SELECT_MEMBERSHIPS} WHERE m.user_id = ANY(${pgArray(userIds)}::uuid[]) ORDER BY m.created_at`,
  );
  const byUser = new Map<string, MembershipRow[]>();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push(row);
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export async function insertSession(
  tx: Tx,
  session: { idHash: string; userId: string; csrfToken: string; ttlHours: number; ip: string },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at, ip)
    VALUES (${session.idHash}, ${session.userId}, ${session.csrfToken},
            now() + make_interval(hours => ${session.ttlHours}), ${session.ip})`);
  // Expired sessions are swept on login so the table does not grow without bound.
  await tx.execute(sql`DELETE FROM sessions WHERE expires_at < now()`);
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.execute(sql`DELETE FROM sessions WHERE id_hash = ${idHash}`);
}

/** Ends every session of a user, but the one whose hash is `keepIdHash` when given. */
export async function deleteSessionsOf(tx: Tx, userId: string, keepIdHash?: string): Promise<void> {
  await tx.execute(
    sql`DELETE FROM sessions WHERE user_id = ${userId} AND id_hash IS DISTINCT FROM ${keepIdHash ?? null}`,
  );
}

export async function recordLoginAttempt(
  tx: Tx,
  email: string,
  ip: string,
  succeeded: boolean,
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO login_attempts (email, ip, succeeded) VALUES (${email}, ${ip}, ${succeeded})`,
  );
}

/** Failures since the last success, within the window, by account and by address. */
export async function recentFailures(
  tx: Tx,
  email: string,
  ip: string,
  windowMinutes: number,
): Promise<{ byEmail: number; byIp: number }> {
  const [row] = await queryRows<{ by_email: number; by_ip: number }>(
    tx,
    sql`SELECT
          (SELECT count(*)::int FROM login_attempts WHERE email = ${email} AND NOT succeeded
             AND at > greatest(now() - make_interval(mins => ${windowMinutes}),
                               coalesce((SELECT max(at) FROM login_attempts WHERE email = ${email} AND succeeded), '-infinity'))) AS by_email,
          (SELECT count(*)::int FROM login_attempts WHERE ip = ${ip} AND NOT succeeded
             AND at > now() - make_interval(mins => ${windowMinutes})) AS by_ip`,
  );
  return { byEmail: row?.by_email ?? 0, byIp: row?.by_ip ?? 0 };
}

export async function insertUser(
  tx: Tx,
  user: {
    email: string;
    fullName: string;
    passwordHash: string;
    mustChangePassword: boolean;
    isDemo?: boolean;
    personId?: string | null;
  },
): Promise<UserRow> {
  const [row] = await queryRows<UserRow>(
    tx,
    sql`INSERT INTO users (email, full_name, password_hash, must_change_password, is_demo, person_id)
        VALUES (${user.email}, ${user.fullName}, ${user.passwordHash}, ${user.mustChangePassword}, ${user.isDemo ?? false}, ${user.personId ?? null})
        RETURNING *`,
  );
  return row!;
}

export async function insertMembership(tx: Tx, userId: string, m: MembershipInput): Promise<void> {
  await tx.execute(sql`
    INSERT INTO memberships (user_id, organization_id, role, scope_type, scope_id)
    VALUES (${userId}, ${m.organizationId}, ${m.role}, ${m.scopeType}, ${m.scopeId})`);
}

export async function updatePassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await tx.execute(
    sql`UPDATE users SET password_hash = ${passwordHash}, must_change_password = ${mustChange} WHERE id = ${userId}`,
  );
}

export async function listUsers(tx: Tx): Promise<UserRow[]> {
  return queryRows<UserRow>(tx, sql`SELECT * FROM users ORDER BY full_name`);
}

/** Names and addresses of users, for other modules that show or notify them (no secrets). */
export function userContacts(
  tx: Tx,
  ids: readonly string[],
): Promise<{ id: string; full_name: string; email: string; is_active: boolean }[]> {
  return queryRows(
    tx,
    sql`SELECT id, full_name, email, is_active FROM users WHERE id = ANY(${pgArray(ids)}::uuid[])`,
  );
}

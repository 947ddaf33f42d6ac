import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  authorize,
  SessionChanged,
  unsafeAccountsStatement,
  unsafeAccountsTransaction,
} from '../../platform/access/access.js';
import { rolesOf, scopeCovers, type Actor, type Grant, type Scope } from '../../platform/access/actor.js';
import { CAPABILITIES, roleHas, type Capability } from '../../platform/access/roles.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context, PredictedSession } from '../../platform/context.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { notFound, unauthenticated } from '../../platform/errors.js';
import type {
  ChangePasswordBody,
  CreateUserBody,
  Me,
  MembershipInput,
  User,
} from '../../../../shared/src/accounts/accounts.schemas.js';
import { findAmbito, resolveComuni } from '../territory/index.js';
import { territoryOfOrganization } from '../organizations/index.js';
import { findPersonByCodiceFiscale } from '../people/index.js';
import { passwordWeakness } from './accounts.rules.js';
import { hashPassword, temporaryPassword, verifyPassword } from './accounts.passwords.js';
import * as repo from './accounts.repository.js';
import {
  accountDisabled,
  accountLocked,
  demoDisabled,
  emailTaken,
  invalidCredentials,
  invalidMembership,
  tooManyAttempts,
  wrongCurrentPassword,
} from './accounts.errors.js';

// Lockout policy: 5 failures lock an account for 15 minutes; 30 failures from one address block it.
const LOCK_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;
// Verifying against a real hash for unknown emails keeps response time from revealing which accounts exist.
const DUMMY_HASH = hashPassword('legami-timing-equaliser');

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

function toGrant(row: repo.MembershipRow): Grant {
  const scope: Grant['scope'] =
    row.scope_type === 'all' ? { type: 'all' } : { type: row.scope_type, id: row.scope_id ?? '' };
  return {
    role: row.role,
    organizationId: row.organization_id,
    scope,
    comuni: row.comuni === null ? 'all' : new Set(row.comuni),
  };
}

function toUser(row: repo.UserRow, memberships: repo.MembershipRow[]): User {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    isActive: row.is_active,
    mustChangePassword: row.must_change_password,
    memberships: memberships.map((m) => ({
      organizationId: m.organization_id,
      organizationName: m.organization_name,
      role: m.role,
      scopeType: m.scope_type,
      scopeId: m.scope_id,
    })),
  };
}

/** What a live session gives: its actor and its CSRF token. */
export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
}

function loadedOf(row: repo.SessionUserRow): LoadedSession {
  const { csrf_token: csrfToken, memberships, ...user } = row;
  return {
    actor: {
      userId: user.id,
      email: user.email,
      fullName: user.full_name,
      personId: user.person_id,
      locale: user.locale,
      grants: memberships.map(toGrant),
    },
    csrfToken,
  };
}

/**
 * The sessions this process read lately, by hash: the row as read (JSON) and what it gave. Only a
 * prediction: a request served from it reads its session again in its own transaction.
 */
const recentSessions = new Map<string, { row: string; loaded: LoadedSession }>();
const RECENT_SESSIONS_MAX = 10_000;

/** Keeps the row just read (forgets the session when it is gone): what it gives, or null. */
function remember(idHash: string, row: repo.SessionUserRow | null): LoadedSession | null {
  recentSessions.delete(idHash);
  if (!row) return null;
  if (recentSessions.size >= RECENT_SESSIONS_MAX) recentSessions.delete(recentSessions.keys().next().value!);
  const loaded = loadedOf(row);
  recentSessions.set(idHash, { row: JSON.stringify(row), loaded });
  return loaded;
}

/**
 * The actor behind a session cookie, or null when the session is unknown or expired.
 * Called by the HTTP layer on every request; the only place an Actor is built. With `predict`
 * (routes whose use case runs in one scoped transaction) a session this process read lately is
 * not read now: the actor is predicted from it, and `predicted` reads it again in that
 * transaction's first round trip — revoked, expired, disabled or changed, nothing is committed.
 */
export async function loadActor(
  database: Database,
  sessionId: string,
  options: { predict?: boolean } = {},
): Promise<(LoadedSession & { predicted?: PredictedSession }) | null> {
  const idHash = hashSessionId(sessionId);
  const recent = options.predict ? recentSessions.get(idHash) : undefined;
  if (recent) return { ...recent.loaded, predicted: predictedSession(database, idHash, recent) };
  return readSession(database, idHash);
}

async function readSession(database: Database, idHash: string): Promise<LoadedSession | null> {
  const row = await unsafeAccountsStatement({ database }, (db) => repo.findSessionUser(db, idHash));
  return remember(idHash, row);
}

function predictedSession(
  database: Database,
  idHash: string,
  recent: { row: string; loaded: LoadedSession },
): PredictedSession {
  // The session as it is now: its actor when it still holds with the same CSRF token, else 401.
  const now = (fresh: LoadedSession | null): Actor => {
    predicted.verified = true;
    if (!fresh || fresh.csrfToken !== recent.loaded.csrfToken) throw unauthenticated();
    return fresh.actor;
  };
  const predicted: PredictedSession = {
    verified: false,
    guard: {
      query: repo.sessionUserQuery(idHash),
      prepared: repo.SESSION_USER_PLAN,
      check: (rows) => {
        const row = (rows[0] ?? null) as repo.SessionUserRow | null;
        if (row && JSON.stringify(row) === recent.row) {
          predicted.verified = true;
          return;
        }
        throw new SessionChanged(now(remember(idHash, row)));
      },
    },
    confirm: async () => now(await readSession(database, idHash)),
  };
  return predicted;
}

/**
 * Checks the password and opens a session.
 * @returns the session id for the cookie (only its hash is stored).
 * @throws 401 wrong credentials, 429 while locked, 403 demo account in production or disabled account.
 */
export async function login(ctx: Context, email: string, password: string): Promise<{ sessionId: string }> {
  const normalized = email.trim().toLowerCase();
  const { failures, user } = await unsafeAccountsTransaction(ctx, async (tx) => ({
    failures: await repo.recentFailures(tx, normalized, ctx.ip, LOCK_WINDOW_MINUTES),
    user: await repo.findUserByEmail(tx, normalized),
  }));
  if (failures.byIp >= MAX_FAILURES_PER_IP) throw tooManyAttempts();
  if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT) throw accountLocked(LOCK_WINDOW_MINUTES);
  const ok = user
    ? await verifyPassword(user.password_hash, password)
    : await verifyPassword(await DUMMY_HASH, password);
  if (!user || !ok) {
    await unsafeAccountsTransaction(ctx, async (tx) => {
      await repo.recordLoginAttempt(tx, normalized, ctx.ip, false);
      await writeAudit(tx, ctx, {
        action: 'user.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
      });
    });
    throw invalidCredentials();
  }
  if (user.is_demo && ctx.settings.production) throw demoDisabled();
  if (!user.is_active) throw accountDisabled();
  return unsafeAccountsTransaction(ctx, async (tx) => {
    await repo.recordLoginAttempt(tx, normalized, ctx.ip, true);
    return openSession(tx, ctx, user, {});
  });
}

/** Opens a session for a user who proved who they are, audited as their login. */
async function openSession(
  tx: Tx,
  ctx: Context,
  user: repo.UserRow,
  details: Record<string, string>,
): Promise<{ sessionId: string }> {
  const sessionId = randomBytes(32).toString('base64url');
  await repo.insertSession(tx, {
    idHash: hashSessionId(sessionId),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    ttlHours: ctx.settings.sessionTtlHours,
    ip: ctx.ip,
  });
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    fullName: user.full_name,
    personId: user.person_id,
    locale: user.locale,
    grants: [],
  };
  await writeAudit(
    tx,
    { ...ctx, actor },
    { action: 'user.login', entityType: 'user', entityId: user.id, details },
  );
  return { sessionId };
}

/** The citizen as SPID/CIE asserted them: codice fiscale, names, e-mail when released. */
export interface VerifiedCitizen {
  codiceFiscale: string;
  fullName: string;
  email: string | null;
}

/*
 * Invariant: `citizen` comes only from the identity module, after it verified the provider's
 * signatures, the state, the nonce and the PKCE verifier; nothing a browser sends reaches here.
 */
/**
 * Opens a session for a citizen identified by SPID/CIE. The account is the one holding the codice
 * fiscale, else the one linked to the registry's person with it (an account made before SPID, as
 * the demo citizen's). Failing both, a new account: linked to the person, with the cittadino role
 * over the person's comune, when the registry knows them; without any role otherwise — their comune
 * and address come from the help line's operator, who registers them (the home page says so), and
 * the next login links the account to the new record.
 * @throws 403 for a disabled account.
 */
export async function openCitizenSession(
  ctx: Context,
  citizen: VerifiedCitizen,
): Promise<{ sessionId: string }> {
  // The login itself: no actor exists yet, and the person is found by the asserted codice fiscale.
  return unsafeAccountsTransaction(ctx, async (tx) => {
    const person = await findPersonByCodiceFiscale(tx, citizen.codiceFiscale);
    let user =
      (await repo.findUserByCodiceFiscale(tx, citizen.codiceFiscale)) ??
      (person ? await repo.findUserByPerson(tx, person.id) : null);
    if (!user) {
      const emailFree = citizen.email && !(await repo.findUserByEmail(tx, citizen.email.toLowerCase()));
      user = await repo.insertUser(tx, {
        // An account needs an address; a citizen without one gets a reserved, undeliverable one (RFC 2606).
        email: emailFree ? citizen.email!.toLowerCase() : `spid-${randomUUID()}@cittadini.invalid`,
        fullName: citizen.fullName,
        // No password: SPID/CIE is the way in, and nobody knows the random one hashed here.
        passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
        mustChangePassword: false,
        personId: null,
      });
      await writeAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { roles: person ? ['cittadino'] : [], channel: 'spid' },
      });
    }
    if (!user.is_active) throw accountDisabled();
    if (user.codice_fiscale === null) await repo.setUserCodiceFiscale(tx, user.id, citizen.codiceFiscale);
    if (person && user.person_id === null) {
      await repo.linkUserToPerson(tx, user.id, person.id);
      await repo.insertMembership(tx, user.id, {
        organizationId: null,
        role: 'cittadino',
        scopeType: 'comune',
        scopeId: person.comune_code,
      });
      user = { ...user, person_id: person.id };
    }
    return openSession(tx, ctx, user, { channel: 'spid' });
  });
}

export async function logout(ctx: Context, sessionId: string): Promise<void> {
  await unsafeAccountsTransaction(ctx, (tx) => repo.deleteSession(tx, hashSessionId(sessionId)));
}

/** The logged-in user as the web app sees it. @throws 401 without a session. */
export async function me(ctx: Context, csrfToken: string): Promise<Me> {
  const actor = ctx.actor;
  if (!actor) throw notFound('Utente');
  const { user, memberships } = await unsafeAccountsTransaction(ctx, async (tx) => ({
    user: await repo.findUserById(tx, actor.userId),
    memberships: (await repo.membershipsOf(tx, [actor.userId])).get(actor.userId) ?? [],
  }));
  if (!user) throw notFound('Utente');
  const base = toUser(user, memberships);
  return {
    id: base.id,
    email: base.email,
    fullName: base.fullName,
    locale: user.locale,
    personId: user.person_id,
    mustChangePassword: base.mustChangePassword,
    roles: rolesOf(actor),
    memberships: base.memberships,
    capabilities: (Object.keys(CAPABILITIES) as Capability[]).filter((c) =>
      actor.grants.some((g) => roleHas(g.role, c)),
    ),
    csrfToken,
  };
}

/**
 * Changes one's own password and ends every other session of the user (a stolen session dies
 * with the old password); the session making the change stays open.
 * @throws 422 when the current password is wrong.
 */
export async function changePassword(
  ctx: Context,
  body: ChangePasswordBody,
  currentSessionId: string,
): Promise<void> {
  const actor = ctx.actor!;
  const user = await unsafeAccountsTransaction(ctx, (tx) => repo.findUserById(tx, actor.userId));
  if (!user || !(await verifyPassword(user.password_hash, body.currentPassword)))
    throw wrongCurrentPassword();
  const passwordHash = await hashPassword(body.newPassword);
  await unsafeAccountsTransaction(ctx, async (tx) => {
    await repo.updatePassword(tx, user.id, passwordHash, false);
    await repo.deleteSessionsOf(tx, user.id, hashSessionId(currentSessionId));
    await writeAudit(tx, ctx, { action: 'user.password_change', entityType: 'user', entityId: user.id });
  });
}

async function membershipComuni(tx: Tx, m: MembershipInput): Promise<string[] | 'all'> {
  if (m.scopeType === 'all') return 'all';
  const comuni = await resolveComuni(
    tx,
    m.scopeType === 'ambito' ? [m.scopeId ?? ''] : [],
    m.scopeType === 'comune' ? [m.scopeId ?? ''] : [],
  );
  if (comuni.length === 0) throw invalidMembership(`Territorio sconosciuto: "${m.scopeId ?? ''}".`);
  return comuni;
}

function covers(scope: Scope, comuni: string[] | 'all'): boolean {
  return comuni === 'all' ? scope.all : comuni.every((c) => scopeCovers(scope, c));
}

function intersect(a: string[] | 'all', b: string[] | 'all'): string[] | 'all' {
  if (a === 'all') return b;
  if (b === 'all') return a;
  const inB = new Set(b);
  return a.filter((c) => inB.has(c));
}

/**
 * A role in an organisation may be granted only where the organisation works, and only inside
 * the administrator's own territory: a district administrator cannot hand out rights in another
 * district's organisation (a coordinator of it would then read that organisation's work).
 * @throws 422 for an unknown organisation or one outside the membership's or the administrator's territory.
 */
async function assertOrganizationGrantable(
  tx: Tx,
  scope: Scope,
  organizationId: string,
  membershipComuni: string[] | 'all',
): Promise<void> {
  const worksIn = await territoryOfOrganization(tx, organizationId);
  if (worksIn === null) throw invalidMembership('Organizzazione sconosciuta.');
  const where = intersect(worksIn, membershipComuni);
  if (where !== 'all' && where.length === 0)
    throw invalidMembership('L’organizzazione non opera nel territorio indicato.');
  if (!scope.all && (where === 'all' || !where.some((c) => scopeCovers(scope, c))))
    throw invalidMembership('Non puoi assegnare ruoli in un’organizzazione fuori dal tuo territorio.');
}

/**
 * Creates a user with memberships; an administrator grants only territory they manage.
 * @returns the user and, when no password was given, a temporary one to hand over once.
 * @throws 403 outside the administrator's territory, 409 duplicate email, 422 bad membership.
 */
export async function createUser(
  ctx: Context,
  body: CreateUserBody,
): Promise<{ user: User; temporaryPassword: string | null }> {
  const scope = authorize(ctx, 'user.manage');
  for (const m of body.memberships) {
    if ((m.scopeType === 'all') !== (m.scopeId === null)) {
      throw invalidMembership('Indica il territorio (Ambito o comune) oppure scegli "tutto il territorio".');
    }
  }
  const email = body.email.trim().toLowerCase();
  const issued = body.password ? null : temporaryPassword();
  const passwordHash = await hashPassword(body.password ?? issued!);
  return unsafeAccountsTransaction(ctx, async (tx) => {
    for (const m of body.memberships) {
      const comuni = await membershipComuni(tx, m);
      if (!covers(scope, comuni))
        throw invalidMembership('Non puoi assegnare un territorio che non amministri.');
      if (m.organizationId) await assertOrganizationGrantable(tx, scope, m.organizationId, comuni);
    }
    if (await repo.findUserByEmail(tx, email)) throw emailTaken();
    const user = await repo.insertUser(tx, {
      email,
      fullName: body.fullName,
      passwordHash,
      mustChangePassword: true,
    });
    for (const m of body.memberships) await repo.insertMembership(tx, user.id, m);
    await writeAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      details: { roles: body.memberships.map((m) => m.role) },
    });
    const memberships = (await repo.membershipsOf(tx, [user.id])).get(user.id) ?? [];
    return { user: toUser(user, memberships), temporaryPassword: issued };
  });
}

function managedBy(scope: Scope, memberships: repo.MembershipRow[]): boolean {
  return memberships.length > 0 && memberships.every((m) => covers(scope, m.comuni ?? 'all'));
}

/** Users whose every membership lies in the administrator's territory. */
export async function listUsers(ctx: Context): Promise<User[]> {
  const scope = authorize(ctx, 'user.manage');
  const { users, memberships } = await unsafeAccountsTransaction(ctx, async (tx) => {
    const users = await repo.listUsers(tx);
    return {
      users,
      memberships: await repo.membershipsOf(
        tx,
        users.map((u) => u.id),
      ),
    };
  });
  return users
    .filter((u) => managedBy(scope, memberships.get(u.id) ?? []))
    .map((u) => toUser(u, memberships.get(u.id) ?? []));
}

/**
 * Issues a temporary password and closes the user's sessions.
 * @throws 404 for a user outside the administrator's territory.
 */
export async function resetPassword(ctx: Context, userId: string): Promise<{ temporaryPassword: string }> {
  const scope = authorize(ctx, 'user.manage');
  const issued = temporaryPassword();
  const passwordHash = await hashPassword(issued);
  await unsafeAccountsTransaction(ctx, async (tx) => {
    const user = await repo.findUserById(tx, userId);
    const memberships = (await repo.membershipsOf(tx, [userId])).get(userId) ?? [];
    if (!user || !managedBy(scope, memberships)) throw notFound('Utente');
    await repo.updatePassword(tx, userId, passwordHash, true);
    await repo.deleteSessionsOf(tx, userId);
    await writeAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: userId });
  });
  return { temporaryPassword: issued };
}

/** Refused input to `createAdministrator`, with the sentence the command prints. */
export class AdministratorInputError extends Error {}

/**
 * Creates an administrator from the command line (`npm run admin:create`), for the first run of
 * an installation: system context, audited as `user.create` with the channel `cli`.
 * @param options.ambito an Ambito id (e.g. CREMONA) or `all` for the whole province.
 * @throws AdministratorInputError for a weak password, an unknown Ambito or a taken email.
 */
export async function createAdministrator(
  ctx: Context,
  options: { email: string; fullName: string; ambito: string; password: string },
): Promise<{ id: string; email: string }> {
  const email = options.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new AdministratorInputError(`Email non valida: "${options.email}".`);
  const weakness = passwordWeakness(options.password, email);
  if (weakness) throw new AdministratorInputError(weakness);
  const all = options.ambito.toLowerCase() === 'all';
  const passwordHash = await hashPassword(options.password);
  return unsafeAccountsTransaction(ctx, async (tx) => {
    if (!all && !(await findAmbito(tx, options.ambito.toUpperCase())))
      throw new AdministratorInputError(`Ambito sconosciuto: "${options.ambito}".`);
    if (await repo.findUserByEmail(tx, email))
      throw new AdministratorInputError(`Esiste già un utente con l'email ${email}.`);
    const user = await repo.insertUser(tx, {
      email,
      fullName: options.fullName,
      passwordHash,
      mustChangePassword: false,
    });
    await repo.insertMembership(tx, user.id, {
      organizationId: null,
      role: 'amministratore',
      scopeType: all ? 'all' : 'ambito',
      scopeId: all ? null : options.ambito.toUpperCase(),
    });
    await writeAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      details: { roles: ['amministratore'], channel: 'cli' },
    });
    return { id: user.id, email };
  });
}

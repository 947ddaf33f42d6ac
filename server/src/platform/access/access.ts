import type { TransactionStart, Tx } from '../db/database.js';
import type { Context } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import { can, scopeCovers, scopeIsEmpty, scopeOf, type Actor, type Scope } from './actor.js';
import type { Capability } from './roles.js';

/*
 * The one access-control layer. Invariants:
 * - a use case on personal data runs in `withScope`, which checks the capability before any read
 *   and then makes PostgreSQL enforce the territory with row-level security (role legami_app);
 * - another territory's record answers 404 (its existence is not confirmed), a missing right 403.
 */

/** @throws 401 when nobody is logged in. */
export function requireActor(ctx: Context): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/**
 * The actor's territory for a capability.
 * @throws 401 without a session, 403 when no role of the actor holds the capability.
 */
export function authorize(ctx: Context, capability: Capability): Scope {
  const actor = requireActor(ctx);
  const scope = scopeOf(actor, capability);
  if (scopeIsEmpty(scope)) throw forbidden();
  return scope;
}

/** @throws 404 when the comune is outside the scope: the record is not revealed. */
export function assertInScope(scope: Scope, comune: string, what: string): void {
  if (!scopeCovers(scope, comune)) throw notFound(what);
}

/**
 * How a scoped transaction starts: row-level security reads the territory from its settings, and
 * `role` is SET LOCAL ROLE (as PostgREST does it); all of it is sent with BEGIN (Database.transaction).
 */
function scopeStart(scope: Scope, locks?: readonly string[]): TransactionStart {
  return {
    settings: {
      'legami.scope_all': scope.all ? 'on' : 'off',
      'legami.comuni': scope.all ? '' : [...scope.comuni].join(','),
      role: 'legami_app',
    },
    locks,
  };
}

/**
 * Runs `work` in one transaction limited to the actor's territory for `capability`. `locks`:
 * advisory locks (by key) the transaction takes with BEGIN, before its first statement reads.
 * @throws 401/403 before touching the database when the actor lacks the capability.
 */
export async function withScope<T>(
  ctx: Context,
  capability: Capability,
  work: (tx: Tx, scope: Scope) => Promise<T>,
  options: { locks?: readonly string[] } = {},
): Promise<T> {
  const predicted = ctx.predictedSession?.verified === false ? ctx.predictedSession : undefined;
  // A refusal is told from the session as it is stored, not as it was predicted.
  if (predicted && !can(ctx.actor, capability)) {
    ctx.actor = await predicted.confirm();
    return withScope(ctx, capability, work, options);
  }
  const scope = authorize(ctx, capability);
  const start = { ...scopeStart(scope, options.locks), guard: predicted?.guard };
  try {
    return await ctx.database.transaction(start, (tx) => work(tx, scope));
  } catch (error) {
    // Rolled back before any result of the work was used: again, as the session now is.
    if (!(error instanceof SessionChanged)) throw error;
    ctx.actor = error.actor;
    return withScope(ctx, capability, work, options);
  }
}

/**
 * Thrown by a predicted session's guard when the session still holds but no longer gives the
 * predicted actor (a role granted or taken away since): withScope runs the work again as `actor`.
 */
export class SessionChanged extends Error {
  constructor(readonly actor: Actor) {
    super('The session changed since it was last read');
  }
}

/**
 * Runs `work` in one transaction as the application role over an explicit scope. For use
 * cases whose rule is not a capability (a citizen reading their own record).
 */
export async function withExplicitScope<T>(
  ctx: Context,
  scope: Scope,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.database.transaction(scopeStart(scope), work);
}

/** A transaction that bypasses territory scoping: jobs, seeds and migrations only. */
export async function unsafeSystemTransaction<T>(
  ctx: Pick<Context, 'database'>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return ctx.database.db.transaction(work);
}

/**
 * The accounts machinery's system context: session lookup, login, one's own password, user
 * management. Row-level security hides users' credentials, sessions and login attempts from the
 * application role, so this is the only way to them. Only the accounts module may call it (lint);
 * it authorises before calling, and every change made here is audited in the same transaction.
 */
export async function unsafeAccountsTransaction<T>(
  ctx: Pick<Context, 'database'>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return unsafeSystemTransaction(ctx, work);
}

/**
 * One statement of the accounts machinery outside any transaction, with the rules of
 * unsafeAccountsTransaction: the session lookup every request makes is a single SELECT, atomic on
 * its own, and BEGIN and COMMIT around it would triple its round trips.
 */
export async function unsafeAccountsStatement<T>(
  ctx: Pick<Context, 'database'>,
  statement: (db: Tx) => Promise<T>,
): Promise<T> {
  return statement(ctx.database.db);
}

/**
 * A transaction for public data (open data, the catalogue's published pages) that needs no
 * session: it runs as the application role over an empty territory, so row-level security
 * returns no row of any table holding personal data even if a query asks for one.
 */
export async function withPublicScope<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.database.transaction(scopeStart({ all: false, comuni: new Set() }), work);
}

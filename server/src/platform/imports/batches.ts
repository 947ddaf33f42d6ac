import type { Actor, Grant, TerritoryScope } from '../access/actor.js';
import { sql, type Tx } from '../db/database.js';
import type { JobRun } from '../jobs/jobs.js';

/*
 * The background half of an import, shared by the modules that import files. The rows of the file
 * are stored when it is accepted; a job of the queue then processes them in batches, one
 * transaction per batch (rows + counters + audit), so progress lives in the database, a crash
 * loses at most the batch in flight and the queue's next attempt resumes from the stored rows.
 */

/**
 * Runs `batch` until it answers false (nothing left), giving way between batches: to a stopping
 * runner (the queue hands the rest to another, which resumes from the stored rows), to the lease's
 * heartbeat and to this instance's requests.
 */
export async function runInBatches(run: JobRun<unknown>, batch: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (!(await batch())) return;
    if (run.signal.aborted) throw new Error('runner stopping');
    await run.heartbeat();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** An actor as stored with an import: its grants with their comuni as lists (JSON). */
export interface StoredActor {
  userId: string;
  email: string;
  fullName: string;
  locale: 'it' | 'en';
  grants: {
    role: Grant['role'];
    organizationId: string | null;
    scope: TerritoryScope;
    comuni: string[] | 'all';
  }[];
}

/**
 * The uploader's rights as they were when the file was accepted: the job acts as that actor, so
 * the same policies and row-level security decide every row, and a right removed afterwards does
 * not widen anything (the snapshot can only be narrower than or equal to what was checked).
 */
export function storeActor(actor: Actor): StoredActor {
  return {
    userId: actor.userId,
    email: actor.email,
    fullName: actor.fullName,
    locale: actor.locale,
    grants: actor.grants.map((g) => ({
      role: g.role,
      organizationId: g.organizationId,
      scope: g.scope,
      comuni: g.comuni === 'all' ? 'all' : [...g.comuni],
    })),
  };
}

export function restoreActor(stored: StoredActor): Actor {
  return {
    userId: stored.userId,
    email: stored.email,
    fullName: stored.fullName,
    personId: null,
    locale: stored.locale,
    grants: stored.grants.map((g) => ({ ...g, comuni: g.comuni === 'all' ? 'all' : new Set(g.comuni) })),
  };
}

/**
 * Makes an import's tables show only the rows of `userId` in this transaction: their row-level
 * security policies compare the uploader with legami.actor_user_id (see the migrations).
 */
export async function enterImportOwner(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('legami.actor_user_id', ${userId}, true)`);
}

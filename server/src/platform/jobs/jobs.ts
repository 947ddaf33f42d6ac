import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { writeAudit } from '../audit/audit.js';
import { systemContext, type Context, type Settings } from '../context.js';
import { pgArray, queryRows, sql, type Database, type Tx } from '../db/database.js';

/*
 * The one job queue: everything that runs outside a request (notifications, volunteer imports,
 * round plans, drop-out re-plans). Invariants:
 * - a job is enqueued in the caller's transaction, so it exists if and only if the change that asks
 *   for it committed; a request enqueues and returns, it never waits for the work;
 * - one runner at a time holds a job (claimed with FOR UPDATE SKIP LOCKED) under a lease that its
 *   heartbeats extend; a run silent past its lease (its instance died) is detected in one place,
 *   `reclaimStaleJobs`, and runs again — or gives up after its last attempt;
 * - a run's result commits in the same transaction as the job's completion and only while the run
 *   still holds the lease: a job another instance took over never commits twice;
 * - a failed run is retried with exponential backoff up to `max_attempts`; the module's own row is
 *   then marked failed (`onGiveUp`) in the transaction that fails the job;
 * - jobs run under a system context named after the job (`requestId = job:<id>`), and every
 *   completion and final failure is written to the audit trail with who asked for the job.
 */

/** Options a module gives when it enqueues a job. */
export interface EnqueueOptions {
  /** The user on whose behalf the job runs, recorded in its audit entries. */
  createdBy?: string | null;
  maxAttempts?: number;
  /** Seconds a run may stay silent before it counts as stale (default 60). */
  leaseSeconds?: number;
  /** Delay before the first attempt. */
  delaySeconds?: number;
}

/**
 * Queues a job in the caller's transaction. The payload holds ids, never personal data.
 * @returns the job id
 */
export async function enqueueJob(
  tx: Tx,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`INSERT INTO jobs (kind, payload, max_attempts, lease_seconds, run_at, created_by)
        VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${options.maxAttempts ?? 5}, ${options.leaseSeconds ?? 60},
                now() + make_interval(secs => ${options.delaySeconds ?? 0}), ${options.createdBy ?? null})
        RETURNING id::int`,
  );
  return row!.id;
}

/** A run of a job, as its handler sees it. */
export interface JobRun<P> {
  readonly id: number;
  readonly kind: string;
  readonly payload: P;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly createdBy: string | null;
  /** A system context named after the job: its audit entries say which job wrote them. */
  readonly ctx: Context;
  /** Aborted when the runner stops or the run lost its lease. */
  readonly signal: AbortSignal;
  /**
   * Extends the lease and stores the progress in the job; `write` stores it in the module's own
   * row in the same transaction. @throws JobLostError when another runner holds the job now.
   */
  heartbeat(progress?: unknown, write?: (tx: Tx) => Promise<void>): Promise<void>;
  /**
   * Commits the run's result (`write`) with the job's completion and its audit entry.
   * @throws JobLostError (and commits nothing) when another runner holds the job now.
   */
  complete(write?: (tx: Tx) => Promise<void>): Promise<void>;
}

/** What a module registers for one kind of job. */
export interface JobDefinition<P = Record<string, unknown>> {
  kind: string;
  /** CPU-bound work (a worker thread): limited by the runner's thread slots, not its I/O slots. */
  cpu?: boolean;
  /** Seconds before attempt n+1 after attempt n failed; default 30 s doubling, at most an hour. */
  backoffSeconds?: (attempt: number) => number;
  run(job: JobRun<P>): Promise<void>;
  /** After the last attempt: marks the module's own row failed, in the transaction that fails the job. */
  onGiveUp?(tx: Tx, job: { id: number; payload: P }, ctx: Context): Promise<void>;
}

/**
 * A job that runs every `everySeconds` (reminders, housekeeping): each run does its work and
 * queues the next run in the transaction that completes it, under an advisory lock on its kind,
 * so runs never overlap across instances and each run queues exactly one next run.
 * `scheduleRecurringJob` starts the chain.
 */
export function recurringJob(
  kind: string,
  everySeconds: number,
  work: (tx: Tx, ctx: Context) => Promise<void>,
): JobDefinition {
  return {
    kind,
    async run(job) {
      await job.complete(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${kind}))`);
        await work(tx, job.ctx);
        await enqueueJob(tx, kind, {}, { delaySeconds: everySeconds, maxAttempts: 3 });
      });
    },
  };
}

/** Queues the first run of a recurring job at start-up unless one is already queued or running. */
export async function scheduleRecurringJob(database: Database, kind: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${kind}))`);
    const [pending] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${kind} AND status IN ('queued', 'running')`,
    );
    if ((pending?.n ?? 0) === 0) await enqueueJob(tx, kind, {}, { maxAttempts: 3 });
  });
}

/** The run lost its lease (its instance was taken for dead) and another runner has the job. */
export class JobLostError extends Error {
  override name = 'JobLostError';
}

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour. */
export function defaultBackoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** (attempt - 1));
}

interface ClaimedRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_by: string | null;
}

export interface JobRunnerOptions {
  log?: Context['log'];
  settings?: Settings;
  /** Names this runner's leases (default host:pid:random). */
  instanceId?: string;
  /** Milliseconds between polls when idle (default 500). */
  pollMs?: number;
  /** Jobs waiting on I/O at once (default 4). */
  ioSlots?: number;
  /** Worker threads for CPU jobs at once: the bounded pool (default cores − 1, at least 1, at most 4). */
  cpuSlots?: number;
  /** Seconds between stale-job checks (default 5). */
  staleCheckSeconds?: number;
  /** false: no polling loop, only `drain()` runs jobs (tests that drive the queue step by step). */
  autoStart?: boolean;
}

export interface JobRunner {
  readonly instanceId: string;
  /** Polls now instead of at the next tick. */
  nudge(): void;
  /** Claims and runs what is due, and waits until those runs end (tests, CLI). @returns runs started */
  drain(): Promise<number>;
  /** Stops claiming, aborts the runs in flight and waits for them; their leases lapse for another instance. */
  stop(): Promise<void>;
}

type AnyDefinition = JobDefinition<Record<string, unknown>>;

function errorText(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  return `${e.name}: ${e.message}`.slice(0, 500);
}

async function audit(tx: Tx, ctx: Context, id: number, kind: string, ok: boolean, details: object) {
  await writeAudit(tx, ctx, {
    action: ok ? 'job.completed' : 'job.failed',
    entityType: 'job',
    entityId: String(id),
    details: { kind, ...details },
  });
}

/**
 * Finds the runs whose lease expired (their instance died or hung): each is queued again, or failed
 * after its last attempt with the module's own row marked failed in the same transaction.
 * The one stale-job detection of the platform. @returns how many were reclaimed
 */
export async function reclaimStaleJobs(
  database: Database,
  definitions: readonly AnyDefinition[],
  log: Context['log'] = console,
): Promise<number> {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  const ctx = systemContext(database, log);
  return database.db.transaction(async (tx) => {
    const rows = await queryRows<ClaimedRow & { status: string }>(
      tx,
      sql`UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                          run_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now(),
                          finished_at = CASE WHEN attempts >= max_attempts THEN now() END,
                          last_error = 'Stale: the instance running it stopped answering.'
          WHERE id IN (SELECT id FROM jobs WHERE status = 'running' AND locked_until < now() ORDER BY id FOR UPDATE SKIP LOCKED)
          RETURNING id::int, kind, payload, attempts, created_by, status`,
    );
    for (const row of rows) {
      if (row.status !== 'failed') continue;
      const jobCtx = { ...ctx, requestId: `job:${row.id}` };
      await byKind.get(row.kind)?.onGiveUp?.(tx, { id: row.id, payload: row.payload }, jobCtx);
      await audit(tx, jobCtx, row.id, row.kind, false, {
        attempts: row.attempts,
        onBehalfOf: row.created_by,
        reason: 'stale',
      });
    }
    return rows.length;
  });
}

/** Housekeeping: finished jobs and expired rate-limit counters older than their use. */
async function sweep(database: Database): Promise<void> {
  await database.db.execute(
    sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - interval '7 days'`,
  );
  await database.db.execute(
    sql`DELETE FROM rate_limit_hits WHERE window_ends_at < now() - interval '1 minute'`,
  );
}

/**
 * Starts this instance's runner: it polls the queue, runs up to `ioSlots` I/O jobs and `cpuSlots`
 * CPU jobs at once, and checks for stale jobs every few seconds. Every instance runs one; the
 * queue shares the work among them.
 */
export function startJobRunner(
  database: Database,
  definitions: readonly AnyDefinition[],
  options: JobRunnerOptions = {},
): JobRunner {
  const log = options.log ?? console;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? 500;
  const autoStart = options.autoStart ?? true;
  const slots = {
    io: options.ioSlots ?? 4,
    cpu: options.cpuSlots ?? Math.max(1, Math.min(4, availableParallelism() - 1)),
  };
  const kinds = {
    io: definitions.filter((d) => !d.cpu).map((d) => d.kind),
    cpu: definitions.filter((d) => d.cpu).map((d) => d.kind),
  };
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  const running = { io: new Set<Promise<void>>(), cpu: new Set<Promise<void>>() };
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | null = null;
  let again = false;
  let lastStaleCheck = 0;
  let lastSweep = Date.now();
  const staleEveryMs = (options.staleCheckSeconds ?? 5) * 1000;

  const claim = async (which: 'io' | 'cpu', limit: number): Promise<ClaimedRow[]> => {
    if (limit <= 0 || kinds[which].length === 0) return [];
    return queryRows<ClaimedRow>(
      database.db,
      sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${instanceId},
                          locked_until = now() + make_interval(secs => lease_seconds),
                          started_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now()
                         AND kind = ANY(${pgArray(kinds[which])}::text[])
                       ORDER BY run_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING id::int, kind, payload, attempts, created_by`,
    );
  };

  const execute = async (row: ClaimedRow): Promise<void> => {
    const definition = byKind.get(row.kind)!;
    const ctx: Context = { ...systemContext(database, log, options.settings), requestId: `job:${row.id}` };
    const lost = new AbortController();
    const signal = AbortSignal.any([stopping.signal, lost.signal]);
    const holds = sql`id = ${row.id} AND status = 'running' AND locked_by = ${instanceId} AND attempts = ${row.attempts}`;
    const assertHeld = (rows: unknown[]) => {
      if (rows.length === 0) {
        lost.abort();
        throw new JobLostError(`job ${row.id} is held by another runner`);
      }
    };
    let completed = false;
    const run: JobRun<Record<string, unknown>> = {
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      createdBy: row.created_by,
      ctx,
      signal,
      heartbeat: (progress, write) =>
        database.db.transaction(async (tx) => {
          assertHeld(
            await queryRows(
              tx,
              sql`UPDATE jobs SET locked_until = now() + make_interval(secs => lease_seconds), updated_at = now(),
                                  progress = coalesce(${progress === undefined ? null : JSON.stringify(progress)}::jsonb, progress)
                  WHERE ${holds} RETURNING id`,
            ),
          );
          await write?.(tx);
        }),
      complete: (write) =>
        database.db.transaction(async (tx) => {
          await write?.(tx);
          assertHeld(
            await queryRows(
              tx,
              sql`UPDATE jobs SET status = 'done', finished_at = now(), updated_at = now(), locked_by = NULL,
                                  locked_until = NULL, last_error = NULL
                  WHERE ${holds} RETURNING id`,
            ),
          );
          await audit(tx, ctx, row.id, row.kind, true, { attempt: row.attempts, onBehalfOf: row.created_by });
          completed = true;
        }),
    };
    try {
      await definition.run(run);
      if (!completed) await run.complete();
    } catch (error) {
      if (error instanceof JobLostError || lost.signal.aborted) {
        log.warn({ jobId: row.id, kind: row.kind }, 'job taken over by another runner');
        return;
      }
      if (stopping.signal.aborted) {
        // Shutting down: the job goes back to the queue at once for the next instance to run.
        await database.db
          .execute(
            sql`UPDATE jobs SET status = 'queued', attempts = attempts - 1, locked_by = NULL, locked_until = NULL,
                                run_at = now(), updated_at = now() WHERE ${holds}`,
          )
          .catch(() => undefined);
        return;
      }
      const backoff = (definition.backoffSeconds ?? defaultBackoffSeconds)(row.attempts);
      // If this transaction fails too (database down), the lease lapses and reclaimStaleJobs retries it.
      await database.db
        .transaction(async (tx) => {
          const [failed] = await queryRows<{ status: string }>(
            tx,
            sql`UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                                run_at = now() + make_interval(secs => ${backoff}), last_error = ${errorText(error)},
                                locked_by = NULL, locked_until = NULL, updated_at = now(),
                                finished_at = CASE WHEN attempts >= max_attempts THEN now() END
                WHERE ${holds} RETURNING status`,
          );
          if (failed?.status !== 'failed') return;
          await definition.onGiveUp?.(tx, { id: row.id, payload: row.payload }, ctx);
          await audit(tx, ctx, row.id, row.kind, false, {
            attempts: row.attempts,
            onBehalfOf: row.created_by,
            error: error instanceof Error ? error.name : 'Error',
          });
        })
        .catch((e: unknown) =>
          log.error({ err: { type: (e as Error).name }, jobId: row.id }, 'could not record a job failure'),
        );
      // Only the error's name: a message may quote personal data.
      log.warn({ err: { type: (error as Error).name }, jobId: row.id, kind: row.kind }, 'job attempt failed');
    }
  };

  const start = (which: 'io' | 'cpu', rows: ClaimedRow[]): Promise<void>[] =>
    rows.map((row) => {
      const promise: Promise<void> = execute(row).finally(() => {
        running[which].delete(promise);
        if (autoStart && !stopping.signal.aborted) nudge();
      });
      running[which].add(promise);
      return promise;
    });

  const pollOnce = async (): Promise<Promise<void>[]> => {
    if (Date.now() - lastStaleCheck >= staleEveryMs) {
      lastStaleCheck = Date.now();
      await reclaimStaleJobs(database, definitions, log);
    }
    if (Date.now() - lastSweep >= 10 * 60_000) {
      lastSweep = Date.now();
      await sweep(database);
    }
    const started: Promise<void>[] = [];
    for (const which of ['io', 'cpu'] as const) {
      if (stopping.signal.aborted) break;
      started.push(...start(which, await claim(which, slots[which] - running[which].size)));
    }
    return started;
  };

  const poll = () => {
    if (stopping.signal.aborted) return;
    if (polling) {
      again = true;
      return;
    }
    clearTimeout(timer);
    polling = pollOnce()
      .then(() => undefined)
      .catch((error: unknown) => {
        // The database may be down: keep polling, it comes back by itself.
        log.warn({ err: { type: (error as Error).name } }, 'job runner could not poll the queue');
      })
      .finally(() => {
        polling = null;
        if (stopping.signal.aborted) return;
        if (again) {
          again = false;
          poll();
        } else timer = setTimeout(poll, pollMs);
      });
  };
  const nudge = () => {
    if (autoStart) poll();
  };
  if (autoStart) timer = setTimeout(poll, 0);

  return {
    instanceId,
    nudge,
    drain: async () => {
      while (polling) await polling;
      const started = await pollOnce();
      await Promise.all(started);
      return started.length;
    },
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await polling;
      await Promise.all([...running.io, ...running.cpu]);
    },
  };
}

import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

/** A Drizzle handle: the database itself or an open transaction (same query API). */
export type Tx = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * One database behind one interface: embedded PGlite or a PostgreSQL server.
 * Both speak the same SQL (kept to PostgreSQL 15); only connection handling differs.
 */
export interface Database {
  kind: DatabaseKind;
  db: Tx;
  /**
   * Runs a multi-statement SQL script on one connection; if it fails, rolls back any
   * transaction the script opened so the connection is left clean.
   */
  execScript(script: string): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens PGlite persisted in a directory, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  return wrapPglite(await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {}));
}

/** The Database interface over an open PGlite instance. */
export function wrapPglite(client: PGlite): Database {
  return {
    kind: 'pglite',
    db: drizzlePglite(client) as unknown as Tx,
    execScript: async (script) => {
      try {
        await client.exec(script);
      } catch (error) {
        await client.exec('ROLLBACK');
        throw error;
      }
    },
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}

/**
 * Opens a pool against a PostgreSQL server. A server restart, a failover or an idle timeout
 * terminates idle connections: the pool drops them and `onIdleError` hears of it, but the process
 * lives on (without a listener, node-postgres' 'error' event would kill it). While the server is
 * away, a request waits at most `connectTimeoutMs` for a connection and then fails as unavailable.
 */
export async function openPostgres(
  url: string,
  max = 10,
  options: { onIdleError?: (error: Error) => void; connectTimeoutMs?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  // The pool listens to its idle clients only. A client checked out by a transaction, between two
  // statements, when its backend is terminated emits 'error' with nobody listening — which kills
  // the process. With this listener it only becomes unqueryable: the transaction's next statement
  // fails (503), and the pool discards the client when it is released.
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  // Fail fast with a clear message if the server is not reachable.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    db: drizzlePg(pool) as unknown as Tx,
    execScript: async (script) => {
      const connection = await pool.connect();
      try {
        await connection.query(script);
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw query, identical for both drivers. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };

/**
 * A PostgreSQL array literal, to bind a list as ONE parameter (`${pgArray(ids)}::uuid[]`):
 * Drizzle's `sql` would otherwise expand a JS array into a parameter list.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** The PostgreSQL error behind a failed query (Drizzle wraps it as `cause`), for its code and constraint. */
export function databaseErrorOf(
  error: unknown,
): { code?: string; constraint?: string; message?: string } | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if (typeof (e as { code?: unknown }).code === 'string')
      return e as { code?: string; constraint?: string };
  }
  return null;
}

// SQLSTATE classes and driver errors that mean "the database is not there right now" rather than
// "this statement is wrong": connection exceptions (08), operator intervention (57P01–57P03).
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'the database system is',
  // ALTER DATABASE … ALLOW_CONNECTIONS false (maintenance), and the server's connection limit.
  'is not currently accepting connections',
  'too many clients already',
];

/** True when a failed query failed because the database is unreachable (a 503, not a 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
   * Runs `work` in one transaction that starts with `start`: its settings (`set_config(name, value,
   * true)`: `role`, the scope's variables) and its advisory locks (`pg_advisory_xact_lock(hashtext(key))`,
   * held before the first statement's snapshot is taken). On PostgreSQL they travel with BEGIN in one
   * round trip; nested `tx.transaction` calls are savepoints, as with `db.transaction`.
   */
  transaction<T>(start: TransactionStart, work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs a multi-statement SQL script on one connection; if it fails, rolls back any
   * transaction the script opened so the connection is left clean.
   */
  execScript(script: string): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects when it is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** How a transaction starts: its local settings by name (`role`, `legami.…`) and advisory locks by key. */
export interface TransactionStart {
  settings?: Readonly<Record<string, string>>;
  locks?: readonly string[];
}

/**
 * The first statement of a transaction, with its values as escaped literals so that, on
 * PostgreSQL, it can travel in one simple query with BEGIN (null when there is nothing to do).
 */
function startStatement(start: TransactionStart): string | null {
  const literal = pg.escapeLiteral;
  const calls = [
    ...Object.entries(start.settings ?? {}).map(
      ([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`,
    ),
    ...(start.locks ?? []).map((key) => `pg_advisory_xact_lock(hashtext(${literal(key)}))`),
  ];
  return calls.length > 0 ? `SELECT ${calls.join(', ')}` : null;
}

const postgresDialect = new PgDialect();

/** PostgreSQL transactions opened by Database.transaction, by handle: their connection, and whether COMMIT has gone. */
const openTransactions = new WeakMap<object, { client: pg.PoolClient; committed: boolean }>();

// Date and time values stay strings, as Drizzle's node-postgres session returns them.
const TEXT_TYPES = new Set<number>([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1115,
  1182,
  1185,
  1187,
  1231,
]);
const DRIZZLE_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    TEXT_TYPES.has(oid)
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// A parameter placeholder outside quotes and comments (the statements built with `sql` use neither
// E'…' strings nor dollar quotes, which this does not read).
const PLACEHOLDERS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\d+)/g;

/**
 * The statement with its values written in as quoted literals: an untyped parameter and a quoted
 * literal are both of unknown type, resolved from their context alike.
 */
function withLiterals(text: string, params: readonly unknown[]): string {
  return text.replace(PLACEHOLDERS, (token, index: string | undefined) => {
    if (index === undefined) return token;
    const value = params[Number(index) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'object')
      throw new TypeError('A statement sent with COMMIT takes scalar values only');
    return pg.escapeLiteral(String(value as string | number | boolean | bigint));
  });
}

/**
 * `tx` for the transaction's last statement: on PostgreSQL that statement travels with COMMIT in
 * one round trip (a simple query, its values written in as literals), and Database.transaction
 * does not send COMMIT again. Nothing may run on `tx` after it, and the work may throw after it
 * only when that statement changed nothing (its writes conditional on the change it reports): the
 * rollback then has nothing to undo. If the statement or COMMIT fails, the transaction rolls back
 * as usual. PGlite, a savepoint, or the database outside a transaction: `tx` itself.
 */
export function lastStatementOf(tx: Tx): Tx {
  const open = openTransactions.get(tx);
  if (!open) return tx;
  const execute = async (query: SQL) => {
    const { sql: text, params } = postgresDialect.sqlToQuery(query);
    const results = (await open.client.query({
      text: `${withLiterals(text, params)}; COMMIT`,
      types: DRIZZLE_TYPES,
    })) as unknown as pg.QueryResult[];
    open.committed = true;
    return results[0];
  };
  return Object.assign(Object.create(tx) as Tx, { execute });
}

/**
 * A PGlite instance with the contrib extensions the migrations create (pg_trgm: the catalogue's
 * typo-tolerant search), persisted in `dataDir` or in memory when it is undefined.
 */
export function createPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
}

/** Opens PGlite persisted in a directory, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  return wrapPglite(await createPglite(dataDir, loadDataDir));
}

/** The Database interface over an open PGlite instance. */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client) as unknown as Tx;
  return {
    kind: 'pglite',
    db,
    // In process there is no round trip to save: the start is the transaction's first statement.
    transaction: (start, work) =>
      db.transaction(async (tx) => {
        const first = startStatement(start);
        if (first) await tx.execute(sql.raw(first));
        return work(tx);
      }),
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
  const dialect = postgresDialect;
  return {
    kind: 'postgres',
    db: drizzlePg(pool) as unknown as Tx,
    transaction: async (start, work) => {
      const client = await pool.connect();
      const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined), undefined);
      // Without parameters node-postgres sends the simple query protocol, which takes several
      // statements at once: BEGIN and the start (escaped literals) cost one round trip.
      const first = startStatement(start);
      const open = { client, committed: false };
      openTransactions.set(tx, open);
      let broken: Error | undefined;
      try {
        await client.query(first ? `BEGIN; ${first}` : 'BEGIN');
        const result = await work(tx as unknown as Tx);
        if (!open.committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is discarded, and the first error is the one told.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
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

/** What Drizzle keeps inside a database or transaction handle (its public `execute` takes no statement name). */
interface DrizzleHandle {
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: false,
    ): { execute(): Promise<{ rows: unknown[] }> };
  };
  dialect: PgDialect;
}

/**
 * Rows of a raw query, identical for both drivers. `prepared`: a name under which PostgreSQL keeps
 * the statement's plan on each connection (node-postgres' named statements), for the hot paths'
 * reads whose planning costs several times their execution; the query's text must then be the same
 * on every call (values only in parameters). PGlite plans in process and ignores the name.
 */
export async function queryRows<T>(tx: Tx, query: SQL, options: { prepared?: string } = {}): Promise<T[]> {
  if (options.prepared) {
    const { session, dialect } = tx as unknown as DrizzleHandle;
    const result = await session
      .prepareQuery(dialect.sqlToQuery(query), undefined, options.prepared, false)
      .execute();
    return result.rows as T[];
  }
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql, type SQL };

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

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
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
  guard?: TransactionGuard;
}

/**
 * A read the transaction runs first, before its settings (so as the connection's own role), whose
 * rows `check` judges before the result of any statement of the work is used: throwing rolls the
 * transaction back. On PostgreSQL it travels with BEGIN and the work's first statement, and never
 * with a COMMIT, so nothing is committed before it has been checked. (The access layer's use: the
 * session read of a request whose actor was predicted.)
 */
export interface TransactionGuard {
  query: SQL;
  /** The name its plan is kept under (as queryRows' `prepared`). */
  prepared: string;
  check(rows: unknown[]): void;
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
    ...lockCalls(start.locks ?? []),
  ];
  return calls.length > 0 ? `SELECT ${calls.join(', ')}` : null;
}

const lockCalls = (keys: readonly string[]) =>
  keys.map((key) => `pg_advisory_xact_lock(hashtext(${pg.escapeLiteral(key)}))`);

const postgresDialect = new PgDialect();

/** What a PostgreSQL transaction sends before the work's first statement: BEGIN, the guard, the start. */
function preludeOf(client: pg.ClientBase, start: TransactionStart): OpenTransaction['prelude'] {
  const statements = ['BEGIN'];
  const prepares: [string, string][] = [];
  let guard: NonNullable<OpenTransaction['prelude']>['guard'];
  if (start.guard) {
    const { sql: text, params } = postgresDialect.sqlToQuery(start.guard.query);
    const asStatements = asText(client, { text, name: start.guard.prepared, values: params });
    if (!asStatements) throw new TypeError('A transaction guard takes scalar values only');
    statements.push(...asStatements.statements);
    prepares.push(...asStatements.prepares);
    guard = { index: statements.length - 1, check: start.guard.check };
  }
  const first = startStatement(start);
  if (first) statements.push(first);
  return { statements, prepares, guard };
}

/**
 * A PostgreSQL transaction opened by Database.transaction: its connection; `prelude`, the
 * statements not sent yet (BEGIN, the guard, the start: they travel with the work's first
 * statement); whether COMMIT has gone; and whether the connection must be discarded (a failed
 * query may have left an SQL-level prepared statement behind, or not).
 */
interface OpenTransaction {
  client: pg.PoolClient;
  prelude: {
    statements: string[];
    prepares: [string, string][];
    guard?: { index: number; check: (rows: unknown[]) => void };
  } | null;
  committed: boolean;
  discard: boolean;
  /** What the guard threw: the transaction's error, whatever the driver wrapped it in. */
  refused?: unknown;
}

/** PostgreSQL transactions opened by Database.transaction, by handle. */
const openTransactions = new WeakMap<object, OpenTransaction>();

/** The SQL-level prepared statements (PREPARE) each connection holds: their text by name. */
const preparedOn = new WeakMap<pg.ClientBase, Map<string, string>>();

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
  return text.replace(PLACEHOLDERS, (token, index: string | undefined) =>
    index === undefined ? token : literalOf(params[Number(index) - 1]),
  );
}

function literalOf(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') throw new TypeError('A statement sent as text takes scalar values only');
  return pg.escapeLiteral(String(value as string | number | boolean | bigint));
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/** A query as node-postgres takes it (Drizzle's sessions pass a config and the values apart). */
interface QueryConfig {
  text: string;
  name?: string;
  rowMode?: string;
  values?: unknown[];
}

/**
 * A statement as simple-protocol text, values written in: a named statement becomes EXECUTE of an
 * SQL-level prepared statement (PREPAREd first on a connection that lacks it; the names are
 * `legami_…`, apart from the driver's protocol-level ones). Null when a value is not a scalar.
 */
function asText(
  client: pg.ClientBase,
  query: QueryConfig,
): { statements: string[]; prepares: [string, string][] } | null {
  const values = query.values ?? [];
  if (!values.every(isScalar)) return null;
  if (!query.name) return { statements: [withLiterals(query.text, values)], prepares: [] };
  const name = `legami_${query.name.replace(/\W/g, '_')}`;
  const execute =
    values.length > 0 ? `EXECUTE ${name}(${values.map(literalOf).join(', ')})` : `EXECUTE ${name}`;
  const known = preparedOn.get(client)?.get(name);
  if (known !== undefined && known !== query.text)
    throw new Error(`Prepared statement ${query.name} was given another text`);
  if (known !== undefined) return { statements: [execute], prepares: [] };
  return { statements: [`PREPARE ${name} AS ${query.text}`, execute], prepares: [[name, query.text]] };
}

/**
 * Sends `statements` in one simple query, after the transaction's prelude if it is still unsent,
 * and checks the guard's rows before anything else: the results of `statements`, in order.
 */
async function sendWith(
  open: OpenTransaction,
  statements: string[],
  prepares: [string, string][] = [],
): Promise<pg.QueryResult[]> {
  const prelude = open.prelude;
  open.prelude = null;
  const all = [...(prelude?.statements ?? []), ...statements];
  const preparing = [...(prelude?.prepares ?? []), ...prepares];
  let results: pg.QueryResult[];
  try {
    const answer = (await open.client.query({ text: all.join(';\n'), types: DRIZZLE_TYPES })) as
      pg.QueryResult | pg.QueryResult[];
    results = Array.isArray(answer) ? answer : [answer];
  } catch (error) {
    if (preparing.length > 0) open.discard = true;
    throw error;
  }
  if (preparing.length > 0) {
    const known = preparedOn.get(open.client) ?? new Map<string, string>();
    for (const [name, text] of preparing) known.set(name, text);
    preparedOn.set(open.client, known);
  }
  if (prelude?.guard) {
    try {
      prelude.guard.check(results[prelude.guard.index]!.rows);
    } catch (error) {
      open.refused = error;
      throw error;
    }
  }
  return results.slice(prelude?.statements.length ?? 0);
}

/** Sends the prelude alone, if it is still unsent. */
async function flushPrelude(open: OpenTransaction): Promise<void> {
  if (open.prelude) await sendWith(open, []);
}

/**
 * The connection as the transaction's Drizzle session sees it: its first statement goes in one
 * simple query with the prelude (as text, see asText), or after it when it cannot.
 */
function deferredClient(open: OpenTransaction): pg.PoolClient {
  const query = async (config: string | QueryConfig, values?: unknown[]) => {
    const q: QueryConfig = typeof config === 'string' ? { text: config, values } : { ...config, values };
    const text = open.prelude && q.rowMode !== 'array' ? asText(open.client, q) : null;
    if (!text) {
      await flushPrelude(open);
      return open.client.query(config as string, values);
    }
    const results = await sendWith(open, text.statements, text.prepares);
    return results.at(-1);
  };
  return { query } as unknown as pg.PoolClient;
}

/**
 * `tx` for the transaction's last statement: on PostgreSQL that statement travels with COMMIT in
 * one round trip (a simple query, its values written in as literals), and Database.transaction
 * does not send COMMIT again. Nothing may run on `tx` after it, and the work may throw after it
 * only when that statement changed nothing (its writes conditional on the change it reports): the
 * rollback then has nothing to undo. If the statement or COMMIT fails, the transaction rolls back
 * as usual. PGlite, a savepoint, or the database outside a transaction: `tx` itself.
 *
 * `locks`: advisory locks (by key) taken in a statement of their own just before it, in the same
 * round trip. In READ COMMITTED each statement of a simple query takes its own snapshot, so the
 * last statement sees everything committed by earlier holders, and the locks are held only while
 * it and COMMIT run — not across a round trip to the client.
 */
export function lastStatementOf(tx: Tx, options: { locks?: readonly string[] } = {}): Tx {
  const locking = options.locks?.length ? `SELECT ${lockCalls(options.locks).join(', ')}` : null;
  const open = openTransactions.get(tx);
  if (!open) {
    if (!locking) return tx;
    const execute = async (query: SQL) => {
      await tx.execute(sql.raw(locking));
      return tx.execute(query);
    };
    return Object.assign(Object.create(tx) as Tx, { execute });
  }
  const execute = async (query: SQL) => {
    // A guard still unchecked is checked before anything is committed.
    if (open.prelude?.guard) await flushPrelude(open);
    const { sql: text, params } = postgresDialect.sqlToQuery(query);
    const last = (await preparedExecute(open, text, params)) ?? withLiterals(text, params);
    const statements = [...(locking ? [locking] : []), last, 'COMMIT'];
    const results = await sendWith(open, statements);
    open.committed = true;
    return results.at(-2);
  };
  return Object.assign(Object.create(tx) as Tx, { execute });
}

/** Statements PostgreSQL would not prepare (a parameter whose type only a literal's context gives). */
const unpreparable = new Set<string>();
/** The prepared name of a last statement, by its text (a hash: the texts are the code's, few). */
const lastStatementNames = new Map<string, string>();
/** Beyond this many on a connection, a last statement is sent as text: a backend's plans cost memory. */
const MAX_PREPARED_PER_CONNECTION = 500;

/**
 * A transaction's last statement as EXECUTE of an SQL-level prepared statement, PREPAREd on the
 * connection the first time it meets it (a round trip of its own, in a savepoint so that a text
 * PostgreSQL cannot prepare leaves the transaction usable): planning a statement with its CTEs
 * costs the server more than running it. Null when it is to be sent as text.
 */
async function preparedExecute(
  open: OpenTransaction,
  text: string,
  params: readonly unknown[],
): Promise<string | null> {
  if (!params.every(isScalar) || unpreparable.has(text)) return null;
  let name = lastStatementNames.get(text);
  if (!name) {
    name = `last_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    lastStatementNames.set(text, name);
  }
  const known = preparedOn.get(open.client) ?? new Map<string, string>();
  const prepared = `legami_${name}`;
  if (!known.has(prepared)) {
    if (known.size >= MAX_PREPARED_PER_CONNECTION) return null;
    await flushPrelude(open);
    try {
      await open.client.query(
        `SAVEPOINT legami_prepare; PREPARE ${prepared} AS ${text}; RELEASE SAVEPOINT legami_prepare`,
      );
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      await open.client.query('ROLLBACK TO SAVEPOINT legami_prepare');
      unpreparable.add(text);
      return null;
    }
    known.set(prepared, text);
    preparedOn.set(open.client, known);
  }
  return asText(open.client, { text, name, values: [...params] })!.statements[0]!;
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
        if (start.guard) start.guard.check(await queryRows(tx, start.guard.query));
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
      // Without parameters node-postgres sends the simple query protocol, which takes several
      // statements at once: BEGIN, the guard, the start (escaped literals) and the work's first
      // statement cost one round trip (deferredClient).
      const open: OpenTransaction = {
        client,
        prelude: preludeOf(client, start),
        committed: false,
        discard: false,
      };
      const session = new NodePgSession(deferredClient(open), dialect, undefined);
      const tx = new NodePgTransaction(dialect, session, undefined);
      openTransactions.set(tx, open);
      let broken: Error | undefined;
      try {
        const result = await work(tx as unknown as Tx);
        await flushPrelude(open);
        if (!open.committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        // Nothing to roll back when BEGIN never went. A connection that cannot even roll back is
        // discarded, and the first error is the one told (the guard's, not the driver's wrapping).
        if (!open.prelude)
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw open.refused ?? error;
      } finally {
        client.release(broken ?? (open.discard ? new Error('prepared statements unknown') : undefined));
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

import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildLegamiApp } from '../../app.js';
import { createTestDatabase } from '../../test/test-database.js';
import {
  isDatabaseUnavailable,
  lastStatementOf,
  queryRows,
  sql,
  type Database,
  type Tx,
} from './database.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

/** A Database whose server is gone: every connection attempt is refused. */
function unreachableDatabase(): Database {
  const pool = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 1_000 });
  pool.on('error', () => undefined);
  const refused = () =>
    Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  return {
    kind: 'postgres',
    db: drizzle(pool) as unknown as Tx,
    transaction: refused,
    execScript: refused,
    ping: refused,
    close: () => pool.end(),
  };
}

describe('database faults', () => {
  it.skipIf(!onPostgres)(
    'survives the server terminating its idle connections, then serves again',
    async () => {
      const database = await createTestDatabase();
      try {
        // Fill the pool with idle connections, then have the server kill them all.
        await Promise.all([1, 2, 3].map(() => database.ping()));
        const [{ name } = { name: '' }] = await queryRows<{ name: string }>(
          database.db,
          sql`SELECT current_database() AS name`,
        );
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        const killed = await admin.query(
          'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t',
          [name],
        );
        await admin.end();
        expect(killed.rows[0].n).toBeGreaterThanOrEqual(1);
        // Without an 'error' listener on the pool the process would have died here.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await expect(database.ping()).resolves.toBeUndefined();
      } finally {
        await database.close();
      }
    },
  );

  it('answers 503 in our error shape, and health says the database is down, while it is unreachable', async () => {
    const database = unreachableDatabase();
    const app = await buildLegamiApp({
      database,
      settings: { production: false, sessionTtlHours: 12 },
      logLevel: 'silent',
    });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'degraded', databaseUp: false });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'operatore@demo.legami.it', password: 'legami-demo' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().error.code).toBe('DATABASE_UNAVAILABLE');
      expect(login.json().error.message).toMatch(/non disponibile/);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('tells an unreachable database from a bad statement', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: { code: '08006' } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('syntax'))).toBe(false);
  });
});

describe('the last statement sent with COMMIT', () => {
  const notes = (database: Database) =>
    queryRows<{ id: number; note: string }>(
      database.db,
      sql`SELECT id, note FROM last_statement ORDER BY id`,
    );

  it('commits the whole transaction with it, its values written in as they were given', async () => {
    const database = await createTestDatabase();
    try {
      await database.execScript(
        'CREATE TABLE last_statement (id int PRIMARY KEY, note text NOT NULL, at timestamptz)',
      );
      // Quotes, a placeholder's look-alike and a comment marker inside the value itself.
      const tricky = "it's $1 -- not a comment /* nor this */ \\ done";
      const [row] = await database.transaction({ settings: { 'legami.comuni': "0'1" } }, async (tx) => {
        await tx.execute(sql`INSERT INTO last_statement VALUES (1, 'first')`);
        return queryRows<{ at: string; note: string; setting: string }>(
          lastStatementOf(tx),
          sql`INSERT INTO last_statement VALUES (${2}, ${tricky}, now())
              RETURNING at, note, current_setting('legami.comuni') AS setting`,
        );
      });
      expect(typeof row!.at).toBe('string');
      expect(row).toMatchObject({ note: tricky, setting: "0'1" });
      expect(await notes(database)).toEqual([
        { id: 1, note: 'first' },
        { id: 2, note: tricky },
      ]);
    } finally {
      await database.close();
    }
  });

  it.skipIf(!onPostgres)(
    'is planned once per connection, and sent as text when PostgreSQL cannot prepare it',
    async () => {
      const database = await createTestDatabase();
      try {
        await database.execScript('CREATE TABLE last_statement (id int PRIMARY KEY, note text NOT NULL)');
        const insert = (id: number) =>
          database.transaction({}, (tx) =>
            queryRows(lastStatementOf(tx), sql`INSERT INTO last_statement VALUES (${id}, ${`note ${id}`})`),
          );
        await insert(1);
        await insert(2);
        // `${null} IS NULL` gives its parameter no type: PREPARE refuses it, the literal is fine.
        await database.transaction({}, (tx) =>
          queryRows(
            lastStatementOf(tx),
            sql`INSERT INTO last_statement SELECT ${3}, 'untyped' WHERE ${null} IS NULL`,
          ),
        );
        const [prepared] = await database.transaction({}, (tx) =>
          queryRows<{ n: number }>(
            tx,
            sql`SELECT count(*)::int AS n FROM pg_prepared_statements
                WHERE name LIKE 'legami_last_%' AND statement LIKE '%INSERT INTO last_statement%'`,
          ),
        );
        expect(prepared!.n).toBe(1);
        expect(await notes(database)).toEqual([
          { id: 1, note: 'note 1' },
          { id: 2, note: 'note 2' },
          { id: 3, note: 'untyped' },
        ]);
      } finally {
        await database.close();
      }
    },
  );

  it('rolls the whole transaction back when it fails, and when the work throws after a statement that wrote nothing', async () => {
    const database = await createTestDatabase();
    try {
      await database.execScript('CREATE TABLE last_statement (id int PRIMARY KEY, note text NOT NULL)');
      await expect(
        database.transaction({}, async (tx) => {
          await tx.execute(sql`INSERT INTO last_statement VALUES (1, 'kept only with the second')`);
          await lastStatementOf(tx).execute(sql`INSERT INTO last_statement VALUES (2, ${null})`);
        }),
      ).rejects.toThrow();
      expect(await notes(database)).toEqual([]);
      await expect(
        database.transaction({}, async (tx) => {
          const written = await queryRows(
            lastStatementOf(tx),
            sql`INSERT INTO last_statement SELECT 3, 'never' WHERE ${false} RETURNING id`,
          );
          if (written.length === 0) throw new Error('nothing to do');
        }),
      ).rejects.toThrow('nothing to do');
      // The connection went back clean: the next transaction works.
      await database.transaction({}, (tx) =>
        queryRows(lastStatementOf(tx), sql`INSERT INTO last_statement VALUES (4, 'next')`),
      );
      expect(await notes(database)).toEqual([{ id: 4, note: 'next' }]);
    } finally {
      await database.close();
    }
  });

  it.skipIf(!onPostgres)(
    'takes its locks just before it, and then sees what their earlier holder committed',
    async () => {
      const database = await createTestDatabase();
      try {
        await database.execScript('CREATE TABLE last_statement (id int PRIMARY KEY, note text NOT NULL)');
        let release!: () => void;
        const holding = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const holder = database.transaction({ locks: ['last_statement:1'] }, async (tx) => {
          await tx.execute(sql`INSERT INTO last_statement VALUES (1, 'the holder')`);
          locked();
          await holding;
        });
        await lockTaken;
        const follower = database.transaction({}, async (tx) => {
          // Its first statement runs before the holder commits: its snapshot has no row yet.
          const [before] = await queryRows<{ n: number }>(
            tx,
            sql`SELECT count(*)::int AS n FROM last_statement`,
          );
          setTimeout(release, 100);
          const [after] = await queryRows<{ n: number }>(
            lastStatementOf(tx, { locks: ['last_statement:1'] }),
            sql`INSERT INTO last_statement SELECT 2, 'rows seen: ' || count(*) FROM last_statement RETURNING note`,
          );
          return { before: before!.n, after };
        });
        await holder;
        expect(await follower).toEqual({ before: 0, after: { note: 'rows seen: 1' } });
        expect(await notes(database)).toEqual([
          { id: 1, note: 'the holder' },
          { id: 2, note: 'rows seen: 1' },
        ]);
      } finally {
        await database.close();
      }
    },
  );
});

describe('the first statement sent with BEGIN', () => {
  it('checks the guard’s rows before the work sees a result, and commits nothing when it refuses', async () => {
    const database = await createTestDatabase();
    try {
      await database.execScript('CREATE TABLE first_statement (id int PRIMARY KEY, note text NOT NULL)');
      const seen: unknown[][] = [];
      const guard = (refuse: boolean) => ({
        query: sql`SELECT ${'guarded'}::text AS who, coalesce(current_setting('legami.comuni', true), '') AS comuni`,
        prepared: 'test-guard',
        check: (rows: unknown[]) => {
          seen.push(rows);
          if (refuse) throw new Error('refused');
        },
      });
      // Twice: PREPAREd on its connection the first time, EXECUTEd when that connection has it.
      for (const id of [1, 2]) {
        const [row] = await database.transaction(
          { settings: { 'legami.comuni': '019036' }, guard: guard(false) },
          (tx) =>
            queryRows<{ id: number; comuni: string }>(
              tx,
              sql`SELECT ${id}::int AS id, current_setting('legami.comuni') AS comuni`,
              { prepared: 'test-first' },
            ),
        );
        expect(row).toEqual({ id, comuni: '019036' });
      }
      // The guard ran before the settings.
      expect(seen).toEqual([[{ who: 'guarded', comuni: '' }], [{ who: 'guarded', comuni: '' }]]);
      // A refusing guard: not even a statement sent with COMMIT is committed.
      await expect(
        database.transaction({ guard: guard(true) }, (tx) =>
          lastStatementOf(tx).execute(sql`INSERT INTO first_statement VALUES (1, 'never')`),
        ),
      ).rejects.toThrow('refused');
      await expect(
        database.transaction({ guard: guard(true) }, async (tx) => {
          await tx.execute(sql`INSERT INTO first_statement VALUES (2, 'never')`);
        }),
      ).rejects.toThrow('refused');
      expect(await queryRows(database.db, sql`SELECT * FROM first_statement`)).toEqual([]);
      // A failed first statement leaves the connection usable.
      await expect(
        database.transaction({ guard: guard(false) }, (tx) =>
          queryRows(tx, sql`SELECT 1 / ${0}::int`, { prepared: 'test-fails' }),
        ),
      ).rejects.toThrow();
      await database.transaction({ guard: guard(false) }, (tx) =>
        queryRows(lastStatementOf(tx), sql`INSERT INTO first_statement VALUES (${3}, ${'kept'})`),
      );
      expect(await queryRows(database.db, sql`SELECT * FROM first_statement`)).toEqual([
        { id: 3, note: 'kept' },
      ]);
    } finally {
      await database.close();
    }
  });
});

import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { buildLegamiApp } from '../../app.js';
import { createTestDatabase } from '../../test/test-database.js';
import { isDatabaseUnavailable, queryRows, sql, type Database, type Tx } from './database.js';

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

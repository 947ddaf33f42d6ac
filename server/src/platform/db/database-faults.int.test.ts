import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProcessUser,
  HttpClient,
  onServer,
  prepareProcessDatabase,
  startServerProcess,
  type ProcessDatabase,
  type ServerProcess,
} from '../../test/server-process.js';

/*
 * The real server, as a process, loses its database under load: every backend of its database is
 * terminated and new connections are refused for a while (ALTER DATABASE … ALLOW_CONNECTIONS false),
 * which is what a PostgreSQL restart or failover looks like from the server. Only this test's own
 * database is touched: the shared PostgreSQL server and the other test runs on it are left alone.
 */

const onPostgres = Boolean(process.env.DATABASE_URL);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  phase: 'before' | 'outage' | 'after';
  status: number;
  body: unknown;
}

describe.skipIf(!onPostgres)(
  'database faults (PostgreSQL only: PGlite runs inside the process, there is no connection to lose)',
  () => {
    let database: ProcessDatabase;
    let server: ServerProcess;
    let email: string;

    beforeAll(async () => {
      database = await prepareProcessDatabase();
      const db = await database.open();
      email = await createProcessUser(db, 'operatore');
      await db.close();
      server = await startServerProcess(database);
    });

    afterAll(async () => {
      await onServer(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await server?.stop();
      await database?.drop();
    });

    it('lives through its connections being cut under load: 503 in Italian meanwhile, health says so, then recovers by itself', async () => {
      const client = new HttpClient(server.url);
      expect((await client.login(email)).status).toBe(200);
      let phase: Outcome['phase'] = 'before';
      const outcomes: Outcome[] = [];
      let loading = true;
      // Six clients searching the registry (an audited read: a write on every request) without pause.
      const load = Array.from({ length: 6 }, async () => {
        while (loading) {
          const started = phase;
          // A refused connection (status 0) would mean the process died.
          const response = await client
            .send('GET', '/api/people?q=Rossi')
            .catch(() => ({ status: 0, body: null }));
          outcomes.push({
            phase: started === phase ? phase : 'outage',
            status: response.status,
            body: response.body,
          });
          if (response.status !== 200) await wait(20);
        }
      });
      const count = (p: Outcome['phase'], status: number) =>
        outcomes.filter((o) => o.phase === p && o.status === status).length;
      const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
        for (let i = 0; i < 300; i++) {
          if (await condition()) return;
          await wait(50);
        }
        throw new Error(
          `timed out waiting for ${what}: ${JSON.stringify(outcomes.map((o) => `${o.phase}:${o.status}`).slice(-30))} ${server.lines.slice(-15).join('\n')}`,
        );
      };
      const health = async () => {
        const response = await new HttpClient(server.url).send('GET', '/api/health');
        return response as { status: number; body: { databaseUp: boolean } };
      };

      await until(() => count('before', 200) >= 20, 'the load to run');

      phase = 'outage';
      await onServer(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`);
      await onServer(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`,
      );
      await until(() => count('outage', 503) >= 10, 'requests to fail during the outage');
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'degraded', databaseUp: false });

      await onServer(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
      await until(async () => (await health()).status === 200, 'the health check to recover');
      phase = 'after';
      await until(() => count('after', 200) >= 20, 'the load to succeed again');
      loading = false;
      await Promise.all(load);

      expect(server.alive()).toBe(true);
      // Nothing but answers and 503s: no 500, no hanging request.
      expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([200, 503]));
      for (const o of outcomes.filter((x) => x.status === 503)) {
        expect(o.body).toEqual({
          error: {
            code: 'DATABASE_UNAVAILABLE',
            message: 'Il servizio è momentaneamente non disponibile: riprova tra qualche istante.',
          },
        });
      }
      // Recovered: the last requests all succeed, with data.
      const last = outcomes.filter((o) => o.phase === 'after').slice(-10);
      expect(last.map((o) => o.status)).toEqual(Array(10).fill(200));
      expect(last[0]!.body).toHaveProperty('items');
      expect(server.lines.some((l) => l.includes('"unhandled error"'))).toBe(false);
    });
  },
);

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildLegamiApp } from '../../server/src/app.js';
import { openPglite, openPostgres, type Database } from '../../server/src/platform/db/database.js';
import { migrate } from '../../server/src/platform/db/migrate.js';
import { seedDemo } from '../../server/src/modules/demo/demo.seed.js';
import { systemContext, type Settings } from '../../server/src/platform/context.js';
import { startJobRunner } from '../../server/src/platform/jobs/jobs.js';
import { jobDefinitions } from '../../server/src/modules/jobs.js';
import { logChannel } from '../../server/src/modules/notifications/notifications.channels.js';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const SETTINGS: Settings = { production: false, sessionTtlHours: 12, demo: true };

export interface RunningLegami {
  url: string;
  close: () => Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onPostgresServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** In-memory PGlite, or a new database on the DATABASE_URL server (dropped on close). */
async function openFreshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { database: await openPglite(undefined), drop: async () => {} };
  const name = `legami_e2e_${randomBytes(6).toString('hex')}`;
  await onPostgresServer(serverUrl, `CREATE DATABASE ${name}`);
  const database = await openPostgres(withDatabase(serverUrl, name), 10);
  return {
    database,
    drop: () => onPostgresServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * The real Legami server for browser journeys: a fresh database with the demo data,
 * the built web app at `/`, listening on 127.0.0.1 on a free port.
 */
export async function startLegami(
  options: { settings?: Partial<Settings>; port?: number } = {},
): Promise<RunningLegami> {
  const { database, drop } = await openFreshDatabase();
  try {
    await migrate(database);
    await seedDemo(systemContext(database));
    const app = await buildLegamiApp({
      database,
      settings: { ...SETTINGS, ...options.settings },
      logLevel: 'silent',
      webDistDir: WEB_DIST_DIR,
    });
    // As every instance: the job queue computes round plans and delivers notifications.
    const jobs = startJobRunner(database, jobDefinitions({ channel: logChannel(app.log) }), { log: app.log });
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await jobs.stop();
        await app.close();
        await database.close();
        await drop();
      },
    };
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
}

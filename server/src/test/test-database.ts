import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  createPglite,
  openPglite,
  openPostgres,
  wrapPglite,
  type Database,
} from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { systemContext } from '../platform/context.js';
import { importTerritory } from '../modules/territory/territory.service.js';

/*
 * Tests run on the engine chosen by DATABASE_URL: unset → PGlite, set → that PostgreSQL server.
 * A template (migrated, with the real comuni) is built once per run; each test file gets a fresh copy.
 */

/** The PGlite template's dump (a gzipped data directory), built once per run. */
export const templateDumpPath = () =>
  join(tmpdir(), `legami-template-${process.env.LEGAMI_TEST_RUN ?? 'local'}.tar.gz`);

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function templateName(): string {
  return `legami_tpl_${process.env.LEGAMI_TEST_RUN ?? 'local'}`;
}

/** Builds the template once per test run (vitest globalSetup). */
export async function buildTemplate(): Promise<void> {
  if (process.env.DATABASE_URL) {
    await adminQuery(`DROP DATABASE IF EXISTS ${templateName()}`);
    await adminQuery(`CREATE DATABASE ${templateName()}`);
    const database = await openPostgres(serverUrl(templateName()), 2);
    await migrate(database);
    await importTerritory(systemContext(database));
    await database.close();
  } else {
    const client = await createPglite();
    const database = wrapPglite(client);
    await migrate(database);
    await importTerritory(systemContext(database));
    const dump = await client.dumpDataDir('gzip');
    await writeFile(templateDumpPath(), Buffer.from(await dump.arrayBuffer()));
    await client.close();
  }
}

export async function dropTemplate(): Promise<void> {
  if (process.env.DATABASE_URL) await adminQuery(`DROP DATABASE IF EXISTS ${templateName()}`);
  else await rm(templateDumpPath(), { force: true });
}

/** A fresh database for one test file, dropped by the returned close(). */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const name = `legami_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    const database = await openPostgres(serverUrl(name), 20);
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  const dump = await readFile(templateDumpPath());
  return openPglite(undefined, new Blob([dump]));
}

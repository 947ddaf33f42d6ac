import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLegamiApp } from '../../app.js';
import { fingerprintDatabase } from './backup.js';
import { openPglite, openPostgres } from './database.js';
import { migrate } from './migrate.js';
import {
  HttpClient,
  onServer,
  prepareProcessDatabase,
  type ProcessDatabase,
} from '../../test/server-process.js';
import { prepareWorkload, runWriteLoad } from '../../test/workload.js';

/*
 * The backup drill, on the engine of this run: a database with a day of work (requests, tasks,
 * money advanced and reimbursed, their audit trail) is backed up with `npm run backup`, restored
 * with `npm run restore` into a new database, and both must match: rows of every table, every
 * money column's total, and the audit trail event by event.
 */

const REPO_DIR = fileURLToPath(new URL('../../../..', import.meta.url));
const engine = process.env.DATABASE_URL ? 'PostgreSQL (pg_dump/pg_restore)' : 'PGlite (data directory dump)';

async function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', `server/src/cli/${script}.ts`, ...args],
    { cwd: REPO_DIR, env: childEnv },
  );
  return stdout;
}

describe(`backup and restore on ${engine}`, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  it('restores the same rows, the same money and the same audit trail', async () => {
    const source: ProcessDatabase = await prepareProcessDatabase();
    cleanup.push(() => source.drop());
    const db = await source.open();
    const workload = await prepareWorkload(db, { people: 6, volunteers: 3 });
    const app = await buildLegamiApp({
      database: db,
      settings: { production: false, sessionTtlHours: 12 },
      logLevel: 'silent',
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const admin = new HttpClient(url);
    const operator = new HttpClient(url);
    await admin.login(workload.adminEmail);
    await operator.login(workload.operatorEmail);
    const load = runWriteLoad(workload, [{ operator, admin }], {
      workers: 2,
      shouldStop: () => false,
      maxChains: 6,
    });
    await load.done;
    expect(load.failures).toEqual([]);
    await app.close();
    const before = await fingerprintDatabase(db);
    await db.close();
    expect(before.counts.help_requests).toBe(6);
    expect(before.moneyCents['tasks.money_reimbursed_cents']).toBeGreaterThan(0);
    expect(before.auditChain.events).toBeGreaterThan(30);

    const dir = await mkdtemp(join(tmpdir(), 'legami-backup-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'legami.backup');
    const sourceEnv: Record<string, string> = source.databaseUrl
      ? { DATABASE_URL: source.databaseUrl }
      : { DATA_DIR: source.dataDir! };
    expect(await npmRun('backup', ['--out', file], sourceEnv)).toContain(before.auditChain.sha256);

    // Into a new, empty database (PostgreSQL) or data directory (PGlite).
    let restoredEnv: Record<string, string>;
    if (source.databaseUrl) {
      const name = `legami_r_${randomBytes(6).toString('hex')}`;
      await onServer(`CREATE DATABASE ${name}`);
      cleanup.push(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      const restoredUrl = new URL(source.databaseUrl);
      restoredUrl.pathname = `/${name}`;
      restoredEnv = { DATABASE_URL: restoredUrl.toString() };
    } else {
      restoredEnv = { DATA_DIR: join(dir, 'restored') };
    }
    expect(await npmRun('restore', [file], restoredEnv)).toContain(before.auditChain.sha256);

    const restored = restoredEnv.DATABASE_URL
      ? await openPostgres(restoredEnv.DATABASE_URL, 2)
      : await openPglite(join(restoredEnv.DATA_DIR!, 'pglite'));
    try {
      expect(await fingerprintDatabase(restored)).toEqual(before);
      // The restored database is current: nothing left to migrate.
      expect(await migrate(restored)).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 240_000);
});

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createPglite, queryRows, sql, type Database } from './database.js';

/*
 * Backups of either engine, for `npm run backup` / `npm run restore` and the drill test.
 * - PostgreSQL: pg_dump in its custom format (consistent snapshot, taken while the server runs)
 *   and pg_restore into a database that is empty or whose objects are replaced (--clean).
 * - PGlite: its data directory dumped as a gzipped tar (`dumpDataDir`), which needs the directory
 *   closed: stop the server first. Restoring unpacks it into a new data directory; the one in place
 *   is kept beside it, renamed.
 */

const run = promisify(execFile);

export type BackupTarget = { databaseUrl: string } | { pgliteDir: string };

/** Writes a backup of the target to `file`. */
export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  if ('databaseUrl' in target) {
    await run('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${target.databaseUrl}`]);
    return;
  }
  const client = await createPglite(target.pgliteDir);
  try {
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Restores `file` into the target. PostgreSQL: the objects of the dump replace those of the same
 * name, in one transaction (nothing changes if it fails); the `legami_app` role is created first on
 * a new server. PGlite: the directory must be empty or absent unless `replace`, in which case the
 * current one is renamed to `<dir>.before-restore-<time>`.
 */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  options: { replace?: boolean } = {},
): Promise<void> {
  if ('databaseUrl' in target) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      await client.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'legami_app') THEN CREATE ROLE legami_app NOLOGIN; END IF;
        IF NOT pg_has_role(current_user, 'legami_app', 'MEMBER') THEN EXECUTE format('GRANT legami_app TO %I', current_user); END IF;
      END $$`);
    } finally {
      await client.end();
    }
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return;
  }
  const dir = target.pgliteDir;
  if (existsSync(dir) && (await readdir(dir)).length > 0) {
    if (!options.replace)
      throw new Error(`${dir} is not empty: stop the server and pass --replace to keep it aside and restore`);
    await rename(dir, `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  }
  await mkdir(dir, { recursive: true });
  const client = await createPglite(dir, new Blob([await readFile(file)]));
  await client.close();
}

export interface Fingerprint {
  /** Rows per table of the public schema. */
  counts: Record<string, number>;
  /** Sum of every `…_cents` column, per table.column. */
  moneyCents: Record<string, number>;
  /** SHA-256 over every audit event in id order (each event's columns as text), and their number. */
  auditChain: { events: number; sha256: string };
}

/** What a backup drill compares between the source and the restored database. */
export async function fingerprintDatabase(database: Database): Promise<Fingerprint> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`,
    );
    counts[name] = row!.n;
  }
  const moneyColumns = await queryRows<{ table_name: string; column_name: string }>(
    database.db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name LIKE '%\\_cents' AND data_type IN ('integer', 'bigint', 'numeric')
        ORDER BY table_name, column_name`,
  );
  const moneyCents: Record<string, number> = {};
  for (const c of moneyColumns) {
    const [row] = await queryRows<{ total: string }>(
      database.db,
      sql`SELECT coalesce(sum(${sql.identifier(c.column_name)}), 0)::text AS total FROM ${sql.identifier(c.table_name)}`,
    );
    moneyCents[`${c.table_name}.${c.column_name}`] = Number(row!.total);
  }
  const hash = createHash('sha256');
  const events = await queryRows<{ line: string }>(
    database.db,
    sql`SELECT (a.*)::text AS line FROM audit_events a ORDER BY id`,
  );
  for (const e of events) hash.update(e.line).update('\n');
  return { counts, moneyCents, auditChain: { events: events.length, sha256: hash.digest('hex') } };
}

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseErrorOf, queryRows, sql, type Database } from './database.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');
const MIGRATION_LOCK = 7446021;

export interface Migration {
  version: string;
  name: string;
  script: string;
}

/** Lists the versioned SQL migrations (`YYYYMMDDHHMMSS_kebab-name.sql`) in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{14}_[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: file.slice(0, 14),
      name: file.slice(15, -4),
      script: readFileSync(join(dir, file), 'utf8'),
    }));
}

function isAlreadyApplied(error: unknown): boolean {
  const e = databaseErrorOf(error);
  return e?.code === '23505' && e.constraint === 'schema_migrations_pkey';
}

/**
 * Applies the migrations not yet applied, each in its own transaction on one connection.
 * The version row is inserted first, under an advisory lock: a second server starting at the
 * same time hits the primary key and skips the migration instead of applying it twice.
 * @returns the versions applied by this call.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  await database.execScript(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const done = new Set(
    (await queryRows<{ version: string }>(database.db, sql`SELECT version FROM schema_migrations`)).map(
      (r) => r.version,
    ),
  );
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    try {
      await database.execScript(
        `BEGIN;
         SELECT pg_advisory_xact_lock(${MIGRATION_LOCK});
         INSERT INTO schema_migrations (version, name) VALUES ('${migration.version}', '${migration.name}');
         ${migration.script}
         ;COMMIT;`,
      );
      applied.push(migration.version);
    } catch (error) {
      if (!isAlreadyApplied(error)) throw error;
    }
  }
  return applied;
}

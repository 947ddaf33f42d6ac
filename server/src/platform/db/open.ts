import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database } from './database.js';
import { migrate } from './migrate.js';

/** Opens the configured database (server if DATABASE_URL is set, else embedded) and migrates it. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onIdleError?: (error: Error) => void,
): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 10, { onIdleError })
    : await openPglite(join(config.dataDir, 'pglite'));
  await migrate(database);
  return database;
}

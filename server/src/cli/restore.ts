import { join } from 'node:path';
import { loadConfig } from '../platform/config.js';
import { fingerprintDatabase, restoreDatabase, type BackupTarget } from '../platform/db/backup.js';
import { openPglite, openPostgres } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';

// Usage: npm run restore -- FILE [--replace]     (stop the server first)
// PostgreSQL (DATABASE_URL): pg_restore into that database, replacing its objects, in one transaction.
// PGlite (DATA_DIR): into an empty data directory; --replace keeps the current one aside, renamed.
const config = loadConfig();
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run restore -- FILE [--replace]');
  process.exit(2);
}
const target: BackupTarget = config.databaseUrl
  ? { databaseUrl: config.databaseUrl }
  : { pgliteDir: join(config.dataDir, 'pglite') };
try {
  await restoreDatabase(target, file, { replace: process.argv.includes('--replace') });
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 1)
    : await openPglite(join(config.dataDir, 'pglite'));
  try {
    // A backup older than the code: the migrations it lacks are applied now.
    const applied = await migrate(database);
    const print = await fingerprintDatabase(database);
    console.log(
      `Restored ${file}${applied.length ? ` and applied ${applied.length} newer migrations` : ''}.`,
    );
    console.log(`Audit chain: ${print.auditChain.events} events, sha256 ${print.auditChain.sha256}`);
    console.log(
      `Rows: ${Object.values(print.counts).reduce((a, b) => a + b, 0)} in ${Object.keys(print.counts).length} tables.`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

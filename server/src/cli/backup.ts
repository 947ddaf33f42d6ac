import { join } from 'node:path';
import { loadConfig } from '../platform/config.js';
import { backupDatabase, fingerprintDatabase, type BackupTarget } from '../platform/db/backup.js';
import { openPglite, openPostgres } from '../platform/db/database.js';

// Usage: npm run backup [-- --out FILE]
// PostgreSQL (DATABASE_URL): pg_dump, while the server runs. PGlite (DATA_DIR): stop the server first.
const config = loadConfig();
const outFlag = process.argv.indexOf('--out');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target: BackupTarget = config.databaseUrl
  ? { databaseUrl: config.databaseUrl }
  : { pgliteDir: join(config.dataDir, 'pglite') };
const file =
  outFlag >= 0
    ? process.argv[outFlag + 1]!
    : join(
        'backups',
        `legami-${config.databaseUrl ? 'postgres' : 'pglite'}-${stamp}.${config.databaseUrl ? 'pgdump' : 'tar.gz'}`,
      );
try {
  await backupDatabase(target, file);
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 1)
    : await openPglite(join(config.dataDir, 'pglite'));
  const print = await fingerprintDatabase(database).finally(() => database.close());
  console.log(`Backup written to ${file}.`);
  console.log(`Audit chain: ${print.auditChain.events} events, sha256 ${print.auditChain.sha256}`);
  console.log(
    `Rows: ${Object.values(print.counts).reduce((a, b) => a + b, 0)} in ${Object.keys(print.counts).length} tables.`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

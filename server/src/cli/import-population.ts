import { readFileSync } from 'node:fs';
import { loadConfig } from '../platform/config.js';
import { systemContext } from '../platform/context.js';
import { openDatabase } from '../platform/db/open.js';
import { AppError } from '../platform/errors.js';
import { importPopulationByAge } from '../modules/territory/territory.service.js';

// Usage: npm run import:population -- <file.csv> [--al 2024-01-01]   (ISTAT POSAS by comune: README)
const args = process.argv.slice(2);
const dateFlag = args.indexOf('--al');
const asOf = dateFlag >= 0 ? args[dateFlag + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && i !== dateFlag + 1);
if (!file || (dateFlag >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? ''))) {
  console.error('Usage: npm run import:population -- <file.csv> [--al AAAA-MM-GG]');
  process.exit(2);
}
const database = await openDatabase(loadConfig());
try {
  const result = await importPopulationByAge(systemContext(database), readFileSync(file), asOf);
  console.log(`Residents aged 65 and over on ${result.asOf}: ${result.updated} comuni updated.`);
  if (result.unknown.length > 0) console.log(`Not in the territory, skipped: ${result.unknown.join(', ')}.`);
} catch (error) {
  // A file that is not ISTAT's: its Italian reason, without a stack trace.
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.close();
}

import { loadConfig } from '../platform/config.js';
import { systemContext } from '../platform/context.js';
import { openDatabase } from '../platform/db/open.js';
import { importTerritory } from '../modules/territory/territory.service.js';

// Usage: npm run import:comuni [-- --dir reference-data/comuni]
const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
const database = await openDatabase(loadConfig());
try {
  const result = await importTerritory(systemContext(database), dir);
  console.log(`Imported ${result.comuni} comuni in ${result.ambiti} Ambiti.`);
} finally {
  await database.close();
}

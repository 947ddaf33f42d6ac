import { randomBytes } from 'node:crypto';
import { buildTemplate, dropTemplate } from './test-database.js';

/** Vitest globalSetup: one migrated template database per run, shared by every test file. */
export async function setup(): Promise<() => Promise<void>> {
  process.env.LEGAMI_TEST_RUN = randomBytes(4).toString('hex');
  await buildTemplate();
  return dropTemplate;
}

import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startLegami } from './harness/legami-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the web app once, then starts one Legami server on a fresh database for every journey. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  const legami = await startLegami();
  project.provide('baseUrl', legami.url);
  return legami.close;
}

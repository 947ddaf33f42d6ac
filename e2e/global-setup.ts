import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startLegami } from './harness/legami-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repoDir = fileURLToPath(new URL('..', import.meta.url));

/** `vite build --config web/vite.config.ts`, as production: Vitest's NODE_ENV=test would give a dev build. */
async function buildWebApp(): Promise<void> {
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoDir,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

/** Builds the web app once, then starts one Legami server on a fresh database for every journey. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWebApp();
  const legami = await startLegami();
  project.provide('baseUrl', legami.url);
  return legami.close;
}

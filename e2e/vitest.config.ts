import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys on the real server and Debian's Chromium. Two files at a time: a journey waits on
// the server and the browser much of its time, so two take about three quarters of the time of one
// after the other on two cores. Journeys share the demo server: each makes the data it changes.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./harness/setup-browser.ts'],
    maxWorkers: 2,
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

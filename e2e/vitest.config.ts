import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys on the real server and Debian's Chromium. One file at a time: the machine is small.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./harness/setup-browser.ts'],
    fileParallelism: false,
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

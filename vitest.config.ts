import { defineConfig } from 'vitest/config';

// `npm test` runs three projects: the server (rules and API on the database chosen by DATABASE_URL),
// the web app's unit tests (jsdom), and the browser journeys in Debian's Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/src/**/*.test.ts', 'shared/src/**/*.test.ts'],
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two files at a time even on two cores (Vitest's default there is one): a file spends much
          // of its time importing the app and waiting on the database, so CI's server pass runs in
          // about half the time. The projects run one after another, in this order.
          maxWorkers: 2,
          // A worker keeps the modules it imported from one file to the next: importing the app
          // was more than half of this project's time. Every file builds its own app and database,
          // so nothing else is shared; a test must not lean on what an earlier file left behind.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      'web/vitest.config.ts',
      'e2e/vitest.config.ts',
    ],
  },
});

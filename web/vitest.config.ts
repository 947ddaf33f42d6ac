import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);
const modulePath = (path: string) =>
  decodeURIComponent(new URL(`../node_modules/${path}`, import.meta.url).pathname);

// design-react-kit's exports map has only non-standard conditions, and bootstrap-italia's main
// entry is a UMD bundle that overwrites process.env: point both at their ESM builds and inline them.
export default defineConfig({
  root: webDir,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^design-react-kit$/, replacement: modulePath('design-react-kit/dist/index.js') },
      {
        find: /^bootstrap-italia$/,
        replacement: modulePath('bootstrap-italia/dist/bootstrap-italia.esm.js'),
      },
    ],
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/web-storage.setup.ts', './src/test/italian.setup.ts'],
    css: false,
    sequence: { groupOrder: 1 },
    server: { deps: { inline: ['design-react-kit', 'bootstrap-italia'] } },
  },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite.precompress';
import { purgeUnusedCss } from './vite.purge-css';

const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);
const repoDir = decodeURIComponent(new URL('..', import.meta.url).pathname);

export default defineConfig({
  root: webDir,
  plugins: [react(), purgeUnusedCss(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    // The web app imports the request/response types and enums of ../shared.
    fs: { allow: [repoDir] },
  },
});

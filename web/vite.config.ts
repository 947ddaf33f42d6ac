import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);
const repoDir = decodeURIComponent(new URL('..', import.meta.url).pathname);

export default defineConfig({
  root: webDir,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Bootstrap Italia's stylesheet alone is ~580 kB: warn only about real outliers.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    // The web app imports the request/response types and enums of ../shared.
    fs: { allow: [repoDir] },
  },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { chunking } from './vite.chunks';
import { precompress } from './vite.precompress';
import { purgeUnusedCss } from './vite.purge-css';

const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);
const repoDir = decodeURIComponent(new URL('..', import.meta.url).pathname);

/**
 * The volunteer's day as an installable offline app (issue 14 item 19). The service worker keeps
 * the built app (so a page reloads without network) and, network first, the session's answer and
 * the volunteer's own tasks by day. Only the volunteer's pages register it
 * (src/features/offline/offlineApp.ts); logout removes it with its caches (src/features/offline/forget.ts).
 */
const volunteerApp = VitePWA({
  injectRegister: false,
  registerType: 'autoUpdate',
  manifest: {
    name: 'Legami: la mia giornata da volontario',
    short_name: 'Legami',
    description: 'I compiti e il giro del volontario, anche senza rete.',
    lang: 'it',
    start_url: '/miei-compiti',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0066cc',
    icons: [
      { src: '/icons/legami-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/legami-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['index.html', 'assets/*.{js,css,woff2}', 'icons/*.png'],
    // Hashed names: the name is the revision.
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/\.well-known\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        urlPattern: /\/api\/(auth\/me|tasks\/mine)(\?|$)/,
        handler: 'NetworkFirst',
        options: {
          cacheName: 'legami-volunteer',
          networkTimeoutSeconds: 5,
          cacheableResponse: { statuses: [200] },
          // No expiration plugin: the pages keep only today's and tomorrow's tasks (offlineApp.ts).
        },
      },
    ],
  },
});

export default defineConfig({
  root: webDir,
  plugins: [react(), purgeUnusedCss(), volunteerApp, precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: chunking(`${webDir}src`),
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
    // The web app imports the request/response types and enums of ../shared.
    fs: { allow: [repoDir] },
  },
});

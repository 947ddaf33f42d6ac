import { useEffect, useSyncExternalStore } from 'react';

/** Built by vite-plugin-pwa (web/vite.config.ts), served from the root so that it covers every page. */
const SERVICE_WORKER = '/sw.js';

async function controlled(): Promise<void> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return;
  await new Promise<void>((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}

/** The service worker's copy of the volunteer's own answers (web/vite.config.ts, `runtimeCaching`). */
const VOLUNTEER_CACHE = 'legami-volunteer';
const DAY_TASKS = '/api/tasks/mine';

/**
 * Makes the volunteer's pages an offline app: registers the service worker (only these pages do,
 * so a citizen's phone never gets one), then asks once more for the session and the given days'
 * tasks through it, so that they are on the phone before the network goes; any other day's tasks
 * are dropped from the phone.
 */
export async function startOfflineApp(paths: string[]): Promise<void> {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  await navigator.serviceWorker.register(SERVICE_WORKER, { scope: '/' });
  await controlled();
  await Promise.all(
    ['/api/auth/me', ...paths].map((path) => fetch(path, { credentials: 'same-origin' }).catch(() => null)),
  );
  const cache = await caches.open(VOLUNTEER_CACHE);
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.pathname === DAY_TASKS && !paths.includes(url.pathname + url.search)) await cache.delete(request);
  }
}

/** Starts the offline app once the page shows (see `startOfflineApp`); the days' paths as a key. */
export function useOfflineApp(paths: string[]): void {
  const key = paths.join('\n');
  useEffect(() => {
    void startOfflineApp(key.split('\n')).catch(() => undefined);
  }, [key]);
}

function subscribe(notify: () => void): () => void {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

/** Whether the phone says it has a network. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

import { OFFLINE_DB } from './outboxStore';

/**
 * Logout: erases what the phone kept for working offline (the service worker's caches:
 * the volunteer's tasks and the session's answer; the outcomes not sent yet, in IndexedDB) and
 * removes the service worker with its copy of the app.
 */
export async function forgetOfflineData(): Promise<void> {
  if ('serviceWorker' in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((r) => r.unregister()));
  }
  if ('caches' in window) {
    const names = await caches.keys();
    await Promise.all(names.map((name) => caches.delete(name)));
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(OFFLINE_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

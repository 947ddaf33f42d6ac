import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxStore, QueuedOutcome } from './outbox';

/** The volunteer's IndexedDB database: erased on logout (./forget). */
export const OFFLINE_DB = 'legami-offline';

interface OfflineDb extends DBSchema {
  outbox: { key: string; value: QueuedOutcome };
}

let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;

function database(): Promise<IDBPDatabase<OfflineDb>> {
  opened ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' });
    },
    // Logout deletes the database: let it go.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      opened = null;
    },
  });
  return opened;
}

/** The queue of outcomes recorded offline, in IndexedDB. */
export const outboxStore: OutboxStore = {
  all: async () => (await database()).getAll('outbox'),
  put: async (entry) => {
    await (await database()).put('outbox', entry);
  },
  remove: async (key) => (await database()).delete('outbox', key),
};

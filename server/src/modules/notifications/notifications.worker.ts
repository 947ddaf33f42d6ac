import type { Database } from '../../platform/db/database.js';
import type { DeliveryChannel } from './notifications.channels.js';
import { claimDue, markFailed, markSent } from './notifications.outbox.js';

export const MAX_ATTEMPTS = 6;

/** Exponential backoff: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryAfterSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** (attempt - 1));
}

/**
 * Delivers one batch of due notifications. Each delivery result is stored in its own
 * transaction, so one failing recipient never holds back the others.
 * @returns how many were delivered.
 */
export async function deliverDueNotifications(
  database: Database,
  channel: DeliveryChannel,
  batchSize = 20,
): Promise<number> {
  const claimed = await database.db.transaction((tx) => claimDue(tx, batchSize, retryAfterSeconds));
  let delivered = 0;
  for (const notification of claimed) {
    try {
      await channel.deliver(notification);
      await database.db.transaction((tx) => markSent(tx, notification.id, channel.name));
      delivered++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await database.db.transaction((tx) =>
        markFailed(tx, notification.id, message, notification.attempts + 1 >= MAX_ATTEMPTS),
      );
    }
  }
  return delivered;
}

/** Polls the outbox until stopped; the returned function stops it and waits for the batch in flight. */
export function startNotificationWorker(
  database: Database,
  channel: DeliveryChannel,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // One batch at a time: the next poll is scheduled only when the previous one has finished.
  const poll = async (): Promise<void> => {
    try {
      await deliverDueNotifications(database, channel);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(() => (running = poll()), options.intervalMs ?? 2000);
  };
  running = poll();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

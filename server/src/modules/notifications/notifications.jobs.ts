import type { JobDefinition } from '../../platform/jobs/jobs.js';
import type { DeliveryChannel } from './notifications.channels.js';
import { DELIVER_NOTIFICATION, findNotification, markFailed, markSent } from './notifications.outbox.js';

/**
 * Delivers one notification through the channel. The queue holds the job under a lease, so two
 * instances never send the same notification; a failed attempt is retried with the queue's
 * backoff (30 s, 1 min, 2 min, …) and the notification is marked failed after the last one.
 * A process killed between sending and recording may send it once more: at least once, never lost.
 */
export function notificationJobs(channel: DeliveryChannel): JobDefinition<{ notificationId: number }> {
  return {
    kind: DELIVER_NOTIFICATION,
    async run(job) {
      const id = job.payload.notificationId;
      const notification = await findNotification(job.ctx.database.db, id);
      if (!notification || notification.status !== 'pending') return;
      try {
        await channel.deliver(notification);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await job.ctx.database.db.transaction((tx) => markFailed(tx, id, job.attempt, message, false));
        throw error;
      }
      await job.complete((tx) => markSent(tx, id, channel.name, job.attempt));
    },
    onGiveUp: (tx, job) => markFailed(tx, job.payload.notificationId, 0, null, true),
  };
}

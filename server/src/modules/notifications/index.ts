/*
 * What other modules may use of notifications: queueing one in the caller's transaction (the
 * outbox), and the delivery job and channels for the job runner and the start-up.
 */
export {
  enqueueNotification,
  notificationCtes,
  type NotificationKind,
  type OutgoingNotification,
} from './notifications.outbox.js';
export { notificationJobs } from './notifications.jobs.js';
export { logChannel, smtpChannel, type DeliveryChannel } from './notifications.channels.js';

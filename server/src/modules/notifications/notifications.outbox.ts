import { queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';

export type NotificationKind =
  | 'task.assigned'
  | 'request.accepted'
  | 'request.rejected'
  | 'request.completed'
  | 'request.closed'
  | 'case.break_glass'
  | 'case.review_due'
  | 'case.discharge_late'
  | 'loan.reminder';

export interface OutgoingNotification {
  kind: NotificationKind;
  recipientEmail: string | null;
  recipientPhone: string | null;
  subject: string;
  body: string;
}

/** The job that delivers one notification (see notifications.jobs.ts). */
export const DELIVER_NOTIFICATION = 'notification.deliver';
export const MAX_ATTEMPTS = 6;

/**
 * Queueing a notification and the job that delivers it, as CTEs (`name AS (…)`, comma-separated) to
 * put in the statement of the change it announces: it then exists if and only if that change
 * committed, and a restart loses nothing because the job queue holds it. `onlyIf`: SQL true when
 * that change happened, for a conditional change. Null when there is no recipient to tell.
 */
export function notificationCtes(n: OutgoingNotification, onlyIf: SQL = sql`true`): SQL | null {
  if (!n.recipientEmail && !n.recipientPhone) return null;
  // The id is drawn first: the application role may append to the outbox but not read it back
  // (row-level security), so the insert cannot RETURN it.
  return sql`notification_id AS (SELECT nextval(pg_get_serial_sequence('notifications', 'id')) AS id WHERE ${onlyIf}),
    notification AS (
      INSERT INTO notifications (id, kind, recipient_email, recipient_phone, subject, body) OVERRIDING SYSTEM VALUE
      SELECT id, ${n.kind}, ${n.recipientEmail}, ${n.recipientPhone}, ${n.subject}, ${n.body} FROM notification_id),
    notification_job AS (
      INSERT INTO jobs (kind, payload, max_attempts)
      SELECT ${DELIVER_NOTIFICATION}, jsonb_build_object('notificationId', id), ${MAX_ATTEMPTS} FROM notification_id)`;
}

/** Queues a notification in the caller's transaction, in a statement of its own (see notificationCtes). */
export async function enqueueNotification(tx: Tx, n: OutgoingNotification): Promise<void> {
  const ctes = notificationCtes(n);
  if (ctes) await tx.execute(sql`WITH ${ctes} SELECT 1`);
}

export interface ClaimedNotification {
  id: number;
  kind: string;
  recipient_email: string | null;
  recipient_phone: string | null;
  subject: string;
  body: string;
  status: string;
}

export async function findNotification(tx: Tx, id: number): Promise<ClaimedNotification | null> {
  const [row] = await queryRows<ClaimedNotification>(
    tx,
    sql`SELECT id::int, kind, recipient_email, recipient_phone, subject, body, status FROM notifications WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function markSent(tx: Tx, id: number, channel: string, attempt: number): Promise<void> {
  await tx.execute(
    sql`UPDATE notifications SET status = 'sent', sent_at = now(), channel = ${channel}, last_error = NULL, attempts = ${attempt}
        WHERE id = ${id}`,
  );
}

/** Records a failed attempt; `final` after the last one. */
export async function markFailed(
  tx: Tx,
  id: number,
  attempt: number,
  error: string | null,
  final: boolean,
): Promise<void> {
  await tx.execute(
    sql`UPDATE notifications SET attempts = greatest(attempts, ${attempt}), last_error = coalesce(${error?.slice(0, 500) ?? null}, last_error),
                                 status = ${final ? 'failed' : 'pending'} WHERE id = ${id}`,
  );
}

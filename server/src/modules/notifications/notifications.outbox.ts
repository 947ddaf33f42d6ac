import { queryRows, sql, type Tx } from '../../platform/db/database.js';

export type NotificationKind =
  'task.assigned' | 'request.accepted' | 'request.rejected' | 'request.completed';

export interface OutgoingNotification {
  kind: NotificationKind;
  recipientEmail: string | null;
  recipientPhone: string | null;
  subject: string;
  body: string;
}

/**
 * Queues a notification in the caller's transaction: it exists if and only if the change it
 * announces committed, and a restart loses nothing because the worker reads it from the table.
 */
export async function enqueueNotification(tx: Tx, n: OutgoingNotification): Promise<void> {
  if (!n.recipientEmail && !n.recipientPhone) return;
  await tx.execute(sql`
    INSERT INTO notifications (kind, recipient_email, recipient_phone, subject, body)
    VALUES (${n.kind}, ${n.recipientEmail}, ${n.recipientPhone}, ${n.subject}, ${n.body})`);
}

export interface ClaimedNotification {
  id: number;
  kind: string;
  recipient_email: string | null;
  recipient_phone: string | null;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims due notifications for one delivery attempt. SKIP LOCKED lets several server instances
 * share the queue; pushing `next_attempt_at` forward first means a crash mid-delivery retries later.
 */
export async function claimDue(
  tx: Tx,
  limit: number,
  retryAfterSeconds: (attempt: number) => number,
): Promise<ClaimedNotification[]> {
  const rows = await queryRows<ClaimedNotification>(
    tx,
    sql`SELECT id::int, kind, recipient_email, recipient_phone, subject, body, attempts
        FROM notifications WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
  );
  for (const row of rows) {
    await tx.execute(sql`UPDATE notifications SET attempts = attempts + 1,
                         next_attempt_at = now() + make_interval(secs => ${retryAfterSeconds(row.attempts + 1)})
                         WHERE id = ${row.id}`);
  }
  return rows;
}

export async function markSent(tx: Tx, id: number, channel: string): Promise<void> {
  await tx.execute(
    sql`UPDATE notifications SET status = 'sent', sent_at = now(), channel = ${channel}, last_error = NULL WHERE id = ${id}`,
  );
}

export async function markFailed(tx: Tx, id: number, error: string, final: boolean): Promise<void> {
  await tx.execute(
    sql`UPDATE notifications SET last_error = ${error.slice(0, 500)}, status = ${final ? 'failed' : 'pending'} WHERE id = ${id}`,
  );
}

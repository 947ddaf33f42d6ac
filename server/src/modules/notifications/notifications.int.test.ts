import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import type { DeliveryChannel } from './notifications.channels.js';
import { enqueueNotification } from './notifications.outbox.js';
import { deliverDueNotifications, MAX_ATTEMPTS, retryAfterSeconds } from './notifications.worker.js';

const env = await setupTestEnv();

async function queue(email: string): Promise<void> {
  await env.database.db.transaction((tx) =>
    enqueueNotification(tx, {
      kind: 'task.assigned',
      recipientEmail: email,
      recipientPhone: null,
      subject: 'Prova',
      body: 'Corpo',
    }),
  );
}

async function statusOf(email: string) {
  const [row] = await queryRows<{ status: string; attempts: number; last_error: string | null }>(
    env.database.db,
    sql`SELECT status, attempts, last_error FROM notifications WHERE recipient_email = ${email}`,
  );
  return row!;
}

const delivered: string[] = [];
const working: DeliveryChannel = {
  name: 'test',
  deliver: async (n) => void delivered.push(n.recipient_email!),
};
const broken: DeliveryChannel = {
  name: 'test',
  deliver: async () => Promise.reject(new Error('SMTP non raggiungibile')),
};

describe('notification outbox', () => {
  it('delivers a queued notification once', async () => {
    await queue('a@test.legami.it');
    expect(await deliverDueNotifications(env.database, working)).toBeGreaterThanOrEqual(1);
    await deliverDueNotifications(env.database, working);
    expect(delivered.filter((e) => e === 'a@test.legami.it')).toHaveLength(1);
    expect((await statusOf('a@test.legami.it')).status).toBe('sent');
  });

  it('keeps a failed delivery pending with backoff, and gives up after the last attempt', async () => {
    await queue('b@test.legami.it');
    await deliverDueNotifications(env.database, broken);
    expect(await statusOf('b@test.legami.it')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP non raggiungibile',
    });
    // Not due again until the backoff has passed.
    await deliverDueNotifications(env.database, broken);
    expect((await statusOf('b@test.legami.it')).attempts).toBe(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await env.database.db.execute(
        sql`UPDATE notifications SET next_attempt_at = now() WHERE recipient_email = 'b@test.legami.it'`,
      );
      await deliverDueNotifications(env.database, broken);
    }
    expect(await statusOf('b@test.legami.it')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 10].map(retryAfterSeconds)).toEqual([30, 60, 120, 3600]);
  });

  it('loses nothing when the process dies mid-delivery: the claim expires and the next worker retries', async () => {
    await queue('c@test.legami.it');
    const dying: DeliveryChannel = { name: 'test', deliver: () => new Promise(() => undefined) };
    void deliverDueNotifications(env.database, dying);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await env.database.db.execute(
      sql`UPDATE notifications SET next_attempt_at = now() WHERE recipient_email = 'c@test.legami.it'`,
    );
    await deliverDueNotifications(env.database, working);
    expect((await statusOf('c@test.legami.it')).status).toBe('sent');
  });
});

import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { defaultBackoffSeconds, startJobRunner } from '../../platform/jobs/jobs.js';
import { setupTestEnv } from '../../test/harness.js';
import type { DeliveryChannel } from './notifications.channels.js';
import { notificationJobs } from './notifications.jobs.js';
import { enqueueNotification, MAX_ATTEMPTS } from './notifications.outbox.js';

// No runner of the harness: each test drives the queue with the channel it needs.
const env = await setupTestEnv({ jobs: false });

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
  const [row] = await queryRows<{
    status: string;
    attempts: number;
    last_error: string | null;
    job_status: string;
    job_attempts: number;
  }>(
    env.database.db,
    sql`SELECT n.status, n.attempts, n.last_error, j.status AS job_status, j.attempts AS job_attempts
        FROM notifications n JOIN jobs j ON j.kind = 'notification.deliver' AND (j.payload->>'notificationId')::bigint = n.id
        WHERE n.recipient_email = ${email}`,
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

/** Runs what is due once, with this channel, as one instance's runner would. */
async function drain(channel: DeliveryChannel, instanceId = 'prova'): Promise<void> {
  const runner = startJobRunner(env.database, [notificationJobs(channel)], {
    autoStart: false,
    log: env.app.log,
    instanceId,
  });
  await runner.drain();
  await runner.stop();
}

describe('notification delivery on the job queue', () => {
  it('delivers a queued notification once, and audits the job under the system context', async () => {
    await queue('a@test.legami.it');
    await drain(working);
    await drain(working);
    expect(delivered.filter((e) => e === 'a@test.legami.it')).toHaveLength(1);
    expect(await statusOf('a@test.legami.it')).toMatchObject({
      status: 'sent',
      attempts: 1,
      job_status: 'done',
    });
    const [audit] = await queryRows<{ actor_user_id: string | null; request_id: string; details: object }>(
      env.database.db,
      sql`SELECT a.actor_user_id, a.request_id, a.details FROM audit_events a
          WHERE a.action = 'job.completed' AND a.details->>'kind' = 'notification.deliver' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({
      actor_user_id: null,
      details: { kind: 'notification.deliver', attempt: 1 },
    });
    expect(audit!.request_id).toMatch(/^job:\d+$/);
  });

  it('keeps a failed delivery queued with backoff, and gives up after the last attempt', async () => {
    await queue('b@test.legami.it');
    await drain(broken);
    expect(await statusOf('b@test.legami.it')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP non raggiungibile',
      job_status: 'queued',
    });
    // Not due again until the backoff has passed.
    await drain(broken);
    expect((await statusOf('b@test.legami.it')).job_attempts).toBe(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await env.database.db.execute(
        sql`UPDATE jobs SET run_at = now() WHERE kind = 'notification.deliver' AND status = 'queued'`,
      );
      await drain(broken);
    }
    expect(await statusOf('b@test.legami.it')).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      job_status: 'failed',
    });
  });

  it('backs off exponentially up to an hour', () => {
    expect([1, 2, 3, 10].map(defaultBackoffSeconds)).toEqual([30, 60, 120, 3600]);
  });

  it('loses nothing when the process dies mid-delivery: the lease lapses and another instance delivers', async () => {
    await queue('c@test.legami.it');
    const dying: DeliveryChannel = { name: 'test', deliver: () => new Promise(() => undefined) };
    const stuck = startJobRunner(env.database, [notificationJobs(dying)], {
      autoStart: false,
      log: env.app.log,
      instanceId: 'morta',
    });
    void stuck.drain();
    for (let i = 0; i < 50 && (await statusOf('c@test.legami.it')).job_status !== 'running'; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // The dead instance's lease lapses (without waiting a minute for it).
    await env.database.db.execute(
      sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE locked_by = 'morta'`,
    );
    await drain(working, 'viva');
    expect(await statusOf('c@test.legami.it')).toMatchObject({ status: 'sent', job_attempts: 2 });
    expect(delivered.filter((e) => e === 'c@test.legami.it')).toHaveLength(1);
  });
});

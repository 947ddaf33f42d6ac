import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Database } from './db/database.js';
import { addDays, dateInRome } from './time.js';
import {
  createProcessUser,
  HttpClient,
  PROCESS_PASSWORD,
  prepareProcessDatabase,
  startServerProcess,
  type ProcessDatabase,
  type ServerProcess,
} from '../test/server-process.js';
import { prepareWorkload, type Workload } from '../test/workload.js';

/*
 * Two real server processes on one PostgreSQL database, as behind a load balancer: every piece of
 * state — sessions, lockouts, rate-limit counters, plans, the job queue — must be shared.
 */

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!process.env.DATABASE_URL)(
  'several instances on one PostgreSQL (PostgreSQL only: a PGlite data directory belongs to one process)',
  () => {
    let database: ProcessDatabase;
    let db: Database;
    let workload: Workload;
    let lockedEmail: string;
    let a: ServerProcess;
    let b: ServerProcess;

    beforeAll(async () => {
      database = await prepareProcessDatabase();
      db = await database.open();
      workload = await prepareWorkload(db, { people: 6, volunteers: 3 });
      lockedEmail = await createProcessUser(db, 'operatore');
      [a, b] = await Promise.all([startServerProcess(database), startServerProcess(database)]);
    }, 180_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await db?.close();
      await database?.drop();
    });

    it('keeps a session opened on one instance on the other, and a logout on one ends it on both', async () => {
      const onA = new HttpClient(a.url);
      expect((await onA.login(workload.operatorEmail)).status).toBe(200);
      const onB = onA.on(b.url);
      expect((await onB.send('GET', '/api/auth/me')).body).toMatchObject({ email: workload.operatorEmail });
      expect((await onB.send('POST', '/api/auth/logout')).status).toBe(204);
      expect((await onA.send('GET', '/api/auth/me')).status).toBe(401);
    });

    it('locks an account after five failures spread over both instances', async () => {
      for (let i = 0; i < 5; i++) {
        const attempt = await new HttpClient(i % 2 ? a.url : b.url).login(lockedEmail, 'sbagliata');
        expect(attempt.status).toBe(401);
      }
      const locked = await new HttpClient(a.url).login(lockedEmail, PROCESS_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    });

    it('counts the rate limit of a public form across both instances, not per process', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        // An empty offer: refused (400) but counted, on A and B in turn.
        const response = await new HttpClient(i % 2 ? b.url : a.url).send(
          'POST',
          '/api/volunteers/offers',
          {},
        );
        statuses.push(response.status);
        if (i === 30)
          expect(response.body).toMatchObject({ error: { message: 'Troppe richieste: riprova tra poco.' } });
      }
      // 30 a minute per address in all: each instance alone saw only 15 or 16.
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
      expect(statuses[30]).toBe(429);
    });

    it('computes a plan started on one instance in the queue, shows and publishes it on the other, and delivers each notification once', async () => {
      const operator = new HttpClient(a.url);
      expect((await operator.login(workload.operatorEmail)).status).toBe(200);
      const tomorrow = addDays(dateInRome(), 1);
      for (const beneficiaryId of workload.beneficiaryIds) {
        const intake = await operator.send('POST', '/api/requests', {
          channel: 'phone',
          beneficiaryId,
          interventionTypeId: 'food_parcels',
          preferredDate: tomorrow,
          confirmSimilar: true,
        });
        expect(intake.status).toBe(201);
        const id = (intake.body as { id: string }).id;
        expect(
          (await operator.send('POST', `/api/requests/${id}/triage`, { decision: 'accept' })).status,
        ).toBe(200);
      }
      const coordinatorOnA = new HttpClient(a.url);
      expect((await coordinatorOnA.login(workload.adminEmail)).status).toBe(200);
      const started = await coordinatorOnA.send('POST', '/api/rounds', {
        date: tomorrow,
        organizationId: workload.organizationId,
        timeLimitSeconds: 1,
      });
      expect(started.status).toBe(202);
      const planId = (started.body as { id: string }).id;
      const onB = coordinatorOnA.on(b.url);
      let plan: { status: string; rounds: { stops: unknown[] }[] } = { status: 'planning', rounds: [] };
      for (let i = 0; i < 600 && plan.status === 'planning'; i++) {
        await wait(100);
        plan = (await onB.send('GET', `/api/rounds/${planId}`)).body as typeof plan;
      }
      expect(plan.status).toBe('ready');
      expect(plan.rounds.flatMap((r) => r.stops)).toHaveLength(workload.beneficiaryIds.length);
      const published = await onB.send('POST', `/api/rounds/${planId}/publish`);
      expect(published.body).toEqual({ assigned: workload.beneficiaryIds.length, conflicts: [] });

      // Every notification (6 acceptances, one per round) delivered, each by exactly one instance.
      let pending = 1;
      for (let i = 0; i < 600 && pending > 0; i++) {
        await wait(100);
        [{ n: pending }] = (await queryRows<{ n: number }>(
          db.db,
          sql`SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'`,
        )) as [{ n: number }];
      }
      expect(pending).toBe(0);
      const sent = await queryRows<{ id: number }>(db.db, sql`SELECT id::int FROM notifications`);
      expect(sent.length).toBeGreaterThan(workload.beneficiaryIds.length);
      const deliveries = new Map<number, number>();
      for (const line of [...a.lines, ...b.lines]) {
        if (!line.includes('notification delivered to the log')) continue;
        const id = (JSON.parse(line) as { notificationId: number }).notificationId;
        deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
      }
      expect(sent.map((n) => deliveries.get(n.id))).toEqual(sent.map(() => 1));
      const attempts = await queryRows<{ attempts: number }>(
        db.db,
        sql`SELECT attempts FROM jobs WHERE kind = 'notification.deliver'`,
      );
      expect(attempts.every((j) => j.attempts === 1)).toBe(true);
    });
  },
);

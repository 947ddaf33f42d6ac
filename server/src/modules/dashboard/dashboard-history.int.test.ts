import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';
import { periodOf } from './dashboard.service.js';

/*
 * The steering room's history: any past day, or the week holding it, with the figures of that
 * period only (this test's own counts of what it inserted on each day).
 */

const env = await setupTestEnv({ jobs: false });
const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const volunteer = await env.buildVolunteer({ organizationId: null });

// Requests received (and tasks done) on days of the week of Monday 9 March 2026.
const DAYS: Record<string, { requests: number; done: number }> = {
  '2026-03-08': { requests: 4, done: 1 }, // the Sunday before: another week
  '2026-03-09': { requests: 3, done: 2 },
  '2026-03-11': { requests: 5, done: 0 },
  '2026-03-15': { requests: 2, done: 3 }, // the week's Sunday
  '2026-03-16': { requests: 6, done: 1 }, // the next Monday
};
for (const [day, { requests, done }] of Object.entries(DAYS)) {
  for (let i = 0; i < requests; i += 1) {
    const person = await env.buildPerson();
    await env.database.db.execute(sql`
      INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, status, created_at)
      VALUES ('phone', ${person}, ${CREMONA}, 'home_meals', 'completed', ${`${day}T10:00:00+01:00`})`);
  }
  for (let i = 0; i < done; i += 1)
    await env.database.db.execute(sql`
      INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id)
      SELECT id, comune_code, intervention_type_id, ${day}::date, 'done', ${volunteer}
      FROM help_requests ORDER BY created_at LIMIT 1`);
}

const dashboard = async (query: string) => {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/dashboard?${query}`,
    headers: admin.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe('the steering room on a past day or week', () => {
  it('finds the Monday and Sunday of a date’s week', () => {
    expect(periodOf('2026-03-11', 'week')).toEqual({ from: '2026-03-09', date: '2026-03-15' });
    expect(periodOf('2026-03-15', 'week')).toEqual({ from: '2026-03-09', date: '2026-03-15' });
    expect(periodOf('2026-03-09', 'week')).toEqual({ from: '2026-03-09', date: '2026-03-15' });
    expect(periodOf('2026-03-11', 'day')).toEqual({ from: '2026-03-11', date: '2026-03-11' });
  });

  it('shows a past day’s requests and tasks done', async () => {
    const day = await dashboard('date=2026-03-11');
    expect(day).toMatchObject({
      period: 'day',
      from: '2026-03-11',
      date: '2026-03-11',
      requestsToday: 5,
      doneToday: 0,
    });
    const sunday = await dashboard('date=2026-03-15');
    expect(sunday).toMatchObject({ requestsToday: 2, doneToday: 3, volunteersActive: 1 });
  });

  it('shows a week from Monday to Sunday, whichever of its days is asked', async () => {
    const week = await dashboard('date=2026-03-12&period=week');
    expect(week).toMatchObject({
      period: 'week',
      from: '2026-03-09',
      date: '2026-03-15',
      requestsToday: 3 + 5 + 2,
      doneToday: 2 + 0 + 3,
      tasksToday: 5,
    });
    expect(week.requestsByType).toEqual([{ key: 'home_meals', label: expect.any(String), count: 10 }]);
    // The trend runs to the week's last day.
    expect(week.trend.at(-1)).toEqual({ date: '2026-03-15', requests: 2, done: 3 });
    const csv = await env.app.inject({
      method: 'GET',
      url: '/api/dashboard/export.csv?date=2026-03-12&period=week',
      headers: admin.headers,
    });
    expect(csv.body).toContain('Riepilogo;Dal;2026-03-09');
    expect(csv.body).toContain('Riepilogo;Richieste ricevute;10');
  });

  it('shows the requests open and the tasks overdue on the evening of the day asked, not today’s', async () => {
    const requestsOn = async (created: string, status: string, completed: string | null, n: number) => {
      for (let i = 0; i < n; i += 1)
        await env.database.db.execute(sql`
          INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, status, created_at, completed_at)
          VALUES ('phone', ${await env.buildPerson()}, ${CREMONA}, 'food_parcels', ${status},
                  ${`${created}T10:00:00+01:00`}, ${completed && `${completed}T10:00:00+01:00`})`);
    };
    await requestsOn('2026-02-02', 'accepted', null, 2); // still open
    await requestsOn('2026-02-02', 'completed', '2026-02-20', 3); // open until 20 February
    await requestsOn('2026-02-25', 'new', null, 4); // received after the days asked
    await env.database.db.execute(sql`
      INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, created_at, completed_at)
      SELECT id, comune_code, intervention_type_id, '2026-02-03', 'done', ${volunteer}, created_at, '2026-02-05T10:00:00+01:00'
      FROM help_requests WHERE status = 'completed' AND completed_at IS NOT NULL LIMIT 1`);
    // €12.50 advanced on that delivery, paid back on 10 February.
    await env.database.db.execute(sql`
      WITH t AS (UPDATE tasks SET money_advanced_cents = 1250, money_reimbursed_cents = 1250
                 WHERE due_date = '2026-02-03' RETURNING id, comune_code)
      INSERT INTO task_events (task_id, comune_code, at, kind, details)
      SELECT id, comune_code, '2026-02-10T10:00:00+01:00', 'reimbursed', '{"amountCents": 1250}' FROM t`);
    const openInCremona = (d: { openByComune: { comuneCode: string; open: number }[] }) =>
      d.openByComune.find((o) => o.comuneCode === CREMONA)?.open ?? 0;

    const early = await dashboard('date=2026-02-04');
    expect(openInCremona(early)).toBe(2 + 3);
    expect(early.overdue).toBe(1);
    expect(early.moneyToReimburseCents).toBe(0); // not yet delivered
    expect((await dashboard('date=2026-02-06')).moneyToReimburseCents).toBe(1250);
    const later = await dashboard('date=2026-02-21');
    expect(openInCremona(later)).toBe(2);
    expect(later.overdue).toBe(0);
    expect(later.moneyToReimburseCents).toBe(0);
    const week = await dashboard('date=2026-02-04&period=week');
    expect(openInCremona(week)).toBe(2 + 3); // as of the week's Sunday, 8 February
    expect(openInCremona(await dashboard(''))).toBe(2 + 4);
  });

  it('refuses a period it does not know', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/dashboard?date=2026-03-12&period=month',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(400);
  });
});

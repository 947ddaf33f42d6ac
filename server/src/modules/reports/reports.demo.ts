import { sql, type Tx } from '../../platform/db/database.js';
import { listAmbiti } from '../territory/index.js';
import { PROVINCE_SLUG, territorySlug } from './reports.territory.js';
import { unsafeQueueReport } from './social-report.service.js';

/*
 * The demo's history for the annual social report: the years before this one, closed long ago
 * (completed, rejected or cancelled requests, tasks done), so nothing of today's work, queues or
 * maps changes. Made with generate_series over the demo's people and volunteers in a stable
 * order: the same rows on every seed. People with an account or a case file are left out, so the
 * citizen's own pages and the case timelines stay as the other demos tell them.
 */

/** The year the demo's annual report is about: last year, a full year of activity. */
export function demoReportYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** Requests per year of the history, oldest first (the trend of the report). */
const HISTORY = [1_200, 2_100, 3_600] as const;

/** Seeds the history and queues the demo year's report of every Ambito and of the province. */
export async function seedReportsDemo(tx: Tx, today: string): Promise<void> {
  const year = demoReportYear(today);
  for (const [i, requests] of HISTORY.entries())
    await seedYear(tx, year - (HISTORY.length - 1 - i), requests);
  for (const territory of [...(await listAmbiti(tx)).map((a) => territorySlug(a.name)), PROVINCE_SLUG])
    await unsafeQueueReport(tx, { year, territory });
}

async function seedYear(tx: Tx, year: number, requests: number): Promise<void> {
  // Request i of the year: the person i·7 mod n, the type i mod t, spread over the year's days;
  // four in five completed within 2–72 hours by a volunteer, the others rejected or cancelled.
  await tx.execute(sql`
    WITH p AS (
      SELECT p.id, p.comune_code, row_number() OVER (ORDER BY p.codice_fiscale, p.id) - 1 AS k, count(*) OVER () AS n
      FROM people p
      WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)),
    t AS (SELECT id, row_number() OVER (ORDER BY sort_order, id) - 1 AS k, count(*) OVER () AS n FROM intervention_types),
    v AS (
      SELECT id, row_number() OVER (ORDER BY family_name, given_name, phone, id) - 1 AS k, count(*) OVER () AS n
      FROM volunteers WHERE status = 'approved' AND user_id IS NULL),
    g AS (
      SELECT i, make_timestamptz(${year}, 1, 1, 8, 0, 0, 'Europe/Rome')
                + make_interval(days => (i * 365) / ${requests}, mins => (i * 37) % 540) AS created_at
      FROM generate_series(0, ${requests} - 1) AS i),
    r AS (
      INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, urgency, status,
                                 created_at, decided_at, completed_at, description)
      SELECT (ARRAY['phone', 'phone', 'web', 'access_point', 'social_worker'])[1 + g.i % 5], p.id, p.comune_code, t.id,
             (ARRAY['normal', 'normal', 'high', 'low', 'critical', 'normal'])[1 + g.i % 6],
             CASE WHEN g.i % 10 = 3 THEN 'rejected' WHEN g.i % 10 = 7 THEN 'cancelled' ELSE 'completed' END,
             g.created_at,
             CASE WHEN g.i % 10 <> 7 THEN g.created_at + interval '1 hour' END,
             CASE WHEN g.i % 10 NOT IN (3, 7) THEN g.created_at + make_interval(hours => 2 + (g.i * 13) % 71) END,
             'Richiesta dello storico della demo'
      FROM g
      JOIN p ON p.k = (g.i * 7) % p.n
      JOIN t ON t.k = g.i % t.n
      RETURNING id, comune_code, intervention_type_id, created_at, completed_at, status)
    INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, assigned_at,
                       completed_at, service_minutes, created_at)
    SELECT r.id, r.comune_code, r.intervention_type_id, (r.completed_at AT TIME ZONE 'Europe/Rome')::date, 'done', v.id,
           r.created_at, r.completed_at, 20 + (date_part('minute', r.created_at)::int % 4) * 10, r.created_at
    FROM r JOIN v ON v.k = (abs(hashtext(r.intervention_type_id || to_char(r.created_at, 'YYYYMMDDHH24MI')))) % v.n
    WHERE r.status = 'completed'`);
}

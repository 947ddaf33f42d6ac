import { afterAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { unsafeSystemTransaction } from '../../platform/access/access.js';
import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { startJobRunner } from '../../platform/jobs/jobs.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';
import { scheduleSummaryFold, summaryFoldJob } from '../requests/index.js';
import { resolveTerritory } from './reports.territory.js';
import { gatherCounts } from './social-report.figures.js';

/*
 * The annual report reads summaries that triggers keep (migration 20261204150000), with the deltas
 * they append and a job folds in (20261206100000). After every kind of change to requests, tasks
 * and people, folded or not, what the report reads must equal the same figures counted from the
 * rows themselves by this test's own SQL — and so follow the change.
 */

const env = await setupTestEnv({ jobs: false });
const db = env.database.db;
const onPostgres = Boolean(process.env.DATABASE_URL);
const runner = startJobRunner(env.database, [summaryFoldJob], { autoStart: false });
afterAll(() => runner.stop());
const YEAR = 2025;
const SORESINA = '019098';

const volunteers = [
  await env.buildVolunteer({ organizationId: null }),
  await env.buildVolunteer({ organizationId: null }),
];
const household = (
  await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO households (comune_code, address) VALUES (${CREMONA}, 'Via Prova 1') RETURNING id`,
  )
)[0]!.id;
const people: string[] = [];
for (let i = 0; i < 12; i += 1) people.push(await env.buildPerson({ comune: i % 3 ? CREMONA : SORESINA }));
await db.execute(
  sql`UPDATE people SET household_id = ${household}, lives_alone = false WHERE id IN (${people[0]}, ${people[1]})`,
);

/** n requests of the person, the k-th received on day k of a month and done after 2 + k hours. */
async function addRequests(person: string, n: number, status = 'completed') {
  await db.execute(sql`
    INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, urgency, status, created_at, completed_at)
    SELECT (ARRAY['phone', 'web'])[1 + k % 2], p.id, p.comune_code, (ARRAY['home_meals', 'food_parcels'])[1 + k % 2],
           (ARRAY['low', 'high', 'normal'])[1 + k % 3], ${status},
           make_timestamptz(${YEAR}, 1 + k % 12, 1 + k, 9, 0, 0, 'Europe/Rome'),
           CASE WHEN ${status} = 'completed' THEN make_timestamptz(${YEAR}, 1 + k % 12, 1 + k, 11 + k, 0, 0, 'Europe/Rome') END
    FROM people p, generate_series(0, ${n - 1}) AS k WHERE p.id = ${person}`);
}

/** The figures counted from the rows, without the summaries. */
async function countedFromRows() {
  return unsafeSystemTransaction(systemContext(env.database), async (tx) => {
    const requests = await queryRows<{ key: string; count: number }>(
      tx,
      sql`SELECT concat_ws('|', date_part('year', created_at AT TIME ZONE 'Europe/Rome'), comune_code, d.dimension, d.category) AS key,
                 count(*)::int AS count
          FROM help_requests r,
               LATERAL (VALUES ('type', r.intervention_type_id), ('channel', r.channel), ('urgency', r.urgency),
                               ('outcome', r.status)) AS d(dimension, category)
          GROUP BY 1 ORDER BY 1`,
    );
    const people = await queryRows<{ key: string; count: number }>(
      tx,
      sql`WITH reached AS (SELECT DISTINCT date_part('year', created_at AT TIME ZONE 'Europe/Rome')::int AS year, beneficiary_id
                           FROM help_requests),
          sizes AS (SELECT household_id, count(*) AS n FROM people WHERE household_id IS NOT NULL GROUP BY 1),
          described AS (
            SELECT f.year, p.comune_code, p.sex::text AS sex,
                   CASE WHEN f.year - date_part('year', p.birth_date) < 18 THEN '0-17'
                        WHEN f.year - date_part('year', p.birth_date) < 65 THEN '18-64'
                        WHEN f.year - date_part('year', p.birth_date) < 75 THEN '65-74'
                        WHEN f.year - date_part('year', p.birth_date) < 85 THEN '75-84' ELSE '85+' END AS age_band,
                   CASE WHEN p.lives_alone OR s.n = 1 THEN 'alone' WHEN s.n IS NULL THEN 'not_recorded'
                        WHEN s.n = 2 THEN 'two' ELSE 'three_plus' END AS household
            FROM reached f JOIN people p ON p.id = f.beneficiary_id LEFT JOIN sizes s ON s.household_id = p.household_id)
          SELECT concat_ws('|', year, comune_code, d.dimension, d.category) AS key, count(*)::int AS count
          FROM described, LATERAL (VALUES ('ageBand', age_band), ('sex', sex), ('household', household)) AS d(dimension, category)
          GROUP BY 1 ORDER BY 1`,
    );
    const [times] = await queryRows<{ completed: number; median: number | null; p90: number | null }>(
      tx,
      sql`SELECT count(*)::int AS completed,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at) / 3600) AS median,
                 percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at) / 3600) AS p90
          FROM help_requests WHERE status = 'completed' AND date_part('year', created_at AT TIME ZONE 'Europe/Rome') = ${YEAR}`,
    );
    const volunteerYears = await queryRows<{ year: number; active: number; done: number; minutes: number }>(
      tx,
      sql`SELECT date_part('year', due_date)::int AS year, count(DISTINCT volunteer_id)::int AS active,
                 count(*)::int AS done, sum(service_minutes)::int AS minutes
          FROM tasks WHERE status = 'done' GROUP BY 1 ORDER BY 1`,
    );
    return { requests, people, times: times!, volunteerYears };
  });
}

/** What the report reads for the province (every comune), in the same shapes. */
async function readByReport() {
  const gathered = await unsafeSystemTransaction(systemContext(env.database), async (tx) =>
    gatherCounts(tx, await resolveTerritory(tx, 'provincia-di-cremona'), YEAR),
  );
  const keyed = (rows: typeof gathered.requests) =>
    rows
      .map((r) => ({ key: [r.year, r.comuneCode, r.dimension, r.category].join('|'), count: r.count }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  return { gathered, requests: keyed(gathered.requests), people: keyed(gathered.people) };
}

async function expectReportEqualsRows() {
  const [expected, read] = [await countedFromRows(), await readByReport()];
  expect(read.requests).toEqual(expected.requests);
  expect(read.people).toEqual(expected.people);
  const rt = read.gathered.responseTimes;
  expect(rt.completed).toBe(expected.times.completed);
  const round = (h: number | null) => (h === null ? null : Math.round(Number(h) * 10) / 10);
  expect(rt.medianHours).toBe(round(expected.times.median));
  expect(rt.p90Hours).toBe(round(expected.times.p90));
  expect(
    read.gathered.volunteerYears.map((v) => ({
      year: v.year,
      active: v.activeVolunteers,
      done: v.tasksDone,
      hours: v.hours,
    })),
  ).toEqual(
    expected.volunteerYears
      .filter((v) => v.year >= YEAR - 4 && v.year <= YEAR)
      .map(({ minutes, ...v }) => ({ ...v, hours: Math.round(minutes / 6) / 10 })),
  );
  return read.gathered;
}

const DELTAS = ['request_year_count_deltas', 'request_response_time_deltas', 'people_reached_deltas'];

async function deltaRows(): Promise<number> {
  let n = 0;
  for (const table of DELTAS)
    n += (
      await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`)
    )[0]!.n;
  return n;
}

/** Runs the fold job now, as the queue would (its first run, or the next one it queued). */
async function fold() {
  await scheduleSummaryFold(env.database);
  await db.execute(
    sql`UPDATE jobs SET run_at = now() WHERE kind = ${summaryFoldJob.kind} AND status = 'queued'`,
  );
  expect(await runner.drain()).toBe(1);
}

const totalRequests = (g: Awaited<ReturnType<typeof readByReport>>['gathered']) =>
  g.requests.filter((r) => r.year === YEAR && r.dimension === 'type').reduce((s, r) => s + r.count, 0);

describe('the report’s summaries', () => {
  it('equal the rows after requests are received, in one statement or many', async () => {
    for (const [i, person] of people.entries()) await addRequests(person, 1 + (i % 4));
    await addRequests(people[5]!, 3, 'new');
    const gathered = await expectReportEqualsRows();
    expect(totalRequests(gathered)).toBe(people.reduce((s, _, i) => s + 1 + (i % 4), 0) + 3);
    expect(gathered.responseTimes.completed).toBeGreaterThan(10);
  });

  it('follow requests that change status, type, year or comune, and requests deleted', async () => {
    const before = totalRequests((await readByReport()).gathered);
    await db.execute(sql`
      UPDATE help_requests SET status = 'completed', completed_at = created_at + interval '30 hours'
      WHERE beneficiary_id = ${people[5]} AND status = 'new'`);
    await db.execute(sql`UPDATE help_requests SET intervention_type_id = 'hospital_transport', channel = 'access_point'
                         WHERE beneficiary_id = ${people[2]}`);
    await db.execute(sql`UPDATE help_requests SET created_at = created_at - interval '1 year'
                         WHERE beneficiary_id = ${people[3]}`);
    await db.execute(
      sql`UPDATE help_requests SET comune_code = ${CREMA} WHERE beneficiary_id = ${people[4]}`,
    );
    await db.execute(
      sql`UPDATE help_requests SET status = 'rejected', completed_at = NULL WHERE beneficiary_id = ${people[6]}`,
    );
    await db.execute(sql`DELETE FROM help_requests WHERE beneficiary_id = ${people[7]}`);
    const gathered = await expectReportEqualsRows();
    // People[3]'s requests moved to last year, people[7]'s are gone.
    expect(totalRequests(gathered)).toBe(before - (1 + (3 % 4)) - (1 + (7 % 4)));
  });

  it('keep the same figures once a job folds the deltas into the summaries, and queue the next fold', async () => {
    await expectReportEqualsRows();
    const before = await readByReport();
    expect(await deltaRows()).toBeGreaterThan(0);
    await fold();
    expect(await deltaRows()).toBe(0);
    await expectReportEqualsRows();
    const after = await readByReport();
    expect(after.requests).toEqual(before.requests);
    expect(after.people).toEqual(before.people);
    expect(after.gathered.responseTimes).toEqual(before.gathered.responseTimes);
    const next = await queryRows<{ inSeconds: number }>(
      db,
      sql`SELECT extract(epoch FROM run_at - now())::int AS "inSeconds" FROM jobs
          WHERE kind = ${summaryFoldJob.kind} AND status = 'queued'`,
    );
    expect(next).toHaveLength(1);
    expect(next[0]!.inSeconds).toBeGreaterThan(290);
    // Changes after a fold are deltas again, on top of the folded summaries.
    await db.execute(sql`UPDATE help_requests SET status = 'cancelled', completed_at = NULL
                         WHERE id = (SELECT id FROM help_requests WHERE status = 'completed' ORDER BY id LIMIT 1)`);
    await addRequests(people[10]!, 2);
    await expectReportEqualsRows();
  });

  it('follow people who move, are born on another date or join a household', async () => {
    await db.execute(
      sql`UPDATE people SET comune_code = ${CREMA}, birth_date = '2012-03-04' WHERE id = ${people[1]}`,
    );
    await db.execute(
      sql`UPDATE people SET sex = CASE WHEN sex = 'F' THEN 'M' ELSE 'F' END WHERE id = ${people[8]}`,
    );
    // Three in the household now: its other members change category too.
    await db.execute(
      sql`UPDATE people SET household_id = ${household}, lives_alone = false WHERE id = ${people[9]}`,
    );
    const gathered = await expectReportEqualsRows();
    const threePlus = gathered.people.filter(
      (p) => p.year === YEAR && p.dimension === 'household' && p.category === 'three_plus',
    );
    // people[0], [1] and [9] reached this year, now three in one household.
    expect(threePlus.reduce((s, p) => s + p.count, 0)).toBe(3);
    const minors = gathered.people.filter((p) => p.year === YEAR && p.category === '0-17');
    expect(minors).toEqual([expect.objectContaining({ comuneCode: CREMA, count: 1 })]);
    await db.execute(sql`UPDATE people SET household_id = NULL WHERE id = ${people[9]}`);
    await expectReportEqualsRows();
  });

  it('follow tasks done, undone, moved and deleted', async () => {
    await db.execute(sql`
      INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, service_minutes)
      SELECT id, comune_code, intervention_type_id, (completed_at AT TIME ZONE 'Europe/Rome')::date, 'done',
             ${volunteers[0]}, 20 + (extract(day FROM created_at))::int
      FROM help_requests WHERE status = 'completed'`);
    let gathered = await expectReportEqualsRows();
    expect(gathered.volunteerYears.find((v) => v.year === YEAR)?.activeVolunteers).toBe(1);
    await db.execute(sql`UPDATE tasks SET volunteer_id = ${volunteers[1]}
                         WHERE id IN (SELECT id FROM tasks ORDER BY id LIMIT 3)`);
    await db.execute(
      sql`UPDATE tasks SET status = 'failed' WHERE id IN (SELECT id FROM tasks ORDER BY id DESC LIMIT 2)`,
    );
    await db.execute(
      sql`UPDATE tasks SET service_minutes = 90 WHERE id IN (SELECT id FROM tasks ORDER BY id LIMIT 1)`,
    );
    gathered = await expectReportEqualsRows();
    expect(gathered.volunteerYears.find((v) => v.year === YEAR)?.activeVolunteers).toBe(2);
    await db.execute(sql`DELETE FROM tasks WHERE volunteer_id = ${volunteers[1]}`);
    gathered = await expectReportEqualsRows();
    expect(gathered.volunteerYears.find((v) => v.year === YEAR)?.activeVolunteers).toBe(1);
    await fold();
    await expectReportEqualsRows();
  });

  // Before the deltas, the second transaction waited on the summary rows the first had written
  // (same year, comune, type, channel, urgency and outcome; same comune, age band, sex and
  // household) until the first committed: every intake of a kind went one at a time.
  it.skipIf(!onPostgres)(
    'let intakes of one kind, and new people of one kind, commit without waiting for each other',
    async () => {
      const [first, second] = [
        await env.buildPerson({ birthDate: '1950-05-05' }),
        await env.buildPerson({ birthDate: '1950-06-06' }),
      ];
      const intake = (tx: Tx, person: string) =>
        tx.execute(sql`INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, created_at)
                       VALUES ('phone', ${person}, ${CREMONA}, 'food_parcels', make_timestamptz(${YEAR}, 6, 1, 9, 0, 0, 'Europe/Rome'))`);
      let release = () => {};
      let firstInserted = () => {};
      const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
      const open = db.transaction(async (tx) => {
        await intake(tx, first);
        firstInserted();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await inserted;
      try {
        await db.transaction(async (tx) => {
          await tx.execute(sql`SET LOCAL lock_timeout = '3s'`);
          await intake(tx, second);
        });
      } finally {
        release();
        await open;
      }
      const gathered = await expectReportEqualsRows();
      expect(
        gathered.people.find((p) => p.year === YEAR && p.comuneCode === CREMONA && p.category === '75-84')
          ?.count,
      ).toBeGreaterThanOrEqual(2);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import { seedDemo } from './demo.seed.js';

/*
 * The demo's help-line activity looks like a real morning: seeded at 08:05, nothing was received,
 * triaged, assigned or delivered later than that; the calls follow the line's hours; the 30-day
 * trend has no jump today; every Ambito has its protocol.
 */

const env = await setupTestEnv({ jobs: false });
const today = dateInRome();
const [{ at: seedTime } = { at: '' }] = await queryRows<{ at: string }>(
  env.database.db,
  sql`SELECT to_char((${`${today} 08:05`}::timestamp AT TIME ZONE 'Europe/Rome') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`,
);
await seedDemo(systemContext(env.database), { now: new Date(seedTime) });

const rome = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Europe/Rome')`);

describe('the demo’s help line at 08:05', () => {
  it('has nothing received, decided, assigned or done after the seed time', async () => {
    const [late] = await queryRows<{ requests: number; events: number; tasks: number }>(
      env.database.db,
      sql`SELECT
            (SELECT count(*)::int FROM help_requests WHERE greatest(created_at, decided_at, completed_at) > ${seedTime}::timestamptz) AS requests,
            (SELECT count(*)::int FROM help_request_events WHERE at > ${seedTime}::timestamptz) AS events,
            (SELECT count(*)::int FROM tasks WHERE greatest(assigned_at, completed_at) > ${seedTime}::timestamptz) AS tasks`,
    );
    expect(late).toEqual({ requests: 0, events: 0, tasks: 0 });
    // Today's calls so far are the few of the first five minutes; yesterday evening's still wait.
    const [morning] = await queryRows<{ today: number; waiting: number; doneToday: number }>(
      env.database.db,
      sql`SELECT
            (SELECT count(*)::int FROM help_requests WHERE ${rome('created_at')}::date = ${today}::date) AS today,
            (SELECT count(*)::int FROM help_requests WHERE status = 'new') AS waiting,
            (SELECT count(*)::int FROM tasks WHERE due_date = ${today}::date AND status = 'done') AS "doneToday"`,
    );
    expect(morning!.today).toBeLessThanOrEqual(2);
    expect(morning!.waiting).toBeGreaterThanOrEqual(3);
    expect(morning!.doneToday).toBe(0);
  });

  it('receives calls in the line’s hours, most of them in the morning', async () => {
    const hours = await queryRows<{ hour: number; n: number }>(
      env.database.db,
      sql`SELECT extract(hour FROM ${rome('created_at')})::int AS hour, count(*)::int AS n FROM help_requests
          WHERE created_at > now() - interval '31 days' GROUP BY 1 ORDER BY 1`,
    );
    expect(hours.every((h) => h.hour >= 8 && h.hour <= 18)).toBe(true);
    const count = (from: number, to: number) =>
      hours.filter((h) => h.hour >= from && h.hour < to).reduce((sum, h) => sum + h.n, 0);
    expect(count(8, 13)).toBeGreaterThan(count(13, 19));
    expect(count(13, 14)).toBeLessThan(count(9, 10));
  });

  it('has a 30-day trend without a jump, today included', async () => {
    const days = await queryRows<{ day: string; n: number }>(
      env.database.db,
      sql`SELECT to_char(d, 'YYYY-MM-DD') AS day,
            (SELECT count(*)::int FROM help_requests r WHERE ${rome('r.created_at')}::date = d) AS n
          FROM generate_series(${today}::date - 29, ${today}::date, interval '1 day') AS g(d0),
               LATERAL (SELECT g.d0::date AS d) x ORDER BY d`,
    );
    expect(days).toHaveLength(30);
    const counts = days.map((d) => d.n);
    const median = [...counts].sort((a, b) => a - b)[15]!;
    expect(median).toBeGreaterThanOrEqual(8);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2 * median);
    expect(counts.at(-1)).toBeLessThanOrEqual(median);
  });

  it('has the protocol of all three Ambiti, every intervention type in each', async () => {
    const rules = await queryRows<{ ambito: string; types: number }>(
      env.database.db,
      sql`SELECT scope_id AS ambito, count(DISTINCT intervention_type_id)::int AS types FROM competence_rules
          WHERE scope_type = 'ambito' GROUP BY 1 ORDER BY 1`,
    );
    expect(rules).toEqual([
      { ambito: 'CASALMAGGIORE', types: 9 },
      { ambito: 'CREMA', types: 9 },
      { ambito: 'CREMONA', types: 9 },
    ]);
  });
});

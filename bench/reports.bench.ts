/**
 * Part of `npm run bench`: the annual social report's figures for a generated year of 1,000,000
 * help requests (with their people, volunteers and tasks), on real PostgreSQL (DATABASE_URL,
 * default local postgres), against the plain `count(*)` of the same table measured in the same
 * run. The data are made with generate_series in SQL, not row by row (the summaries the report
 * reads are kept by the triggers of migrations 20261204150000 and 20261206100000 as the rows go in,
 * as deltas that the job folds into the summaries; the report is timed once before the fold and
 * then after it, as it reads a few minutes after the last change). BENCH_REQUESTS changes the size.
 */
import pg from 'pg';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openPostgres, queryRows, sql } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { systemContext } from '../server/src/platform/context.js';
import { unsafeSystemTransaction } from '../server/src/platform/access/access.js';
import { importTerritory } from '../server/src/modules/territory/territory.service.js';
import { suppressTables } from '../server/src/modules/reports/disclosure.js';
import { resolveTerritory } from '../server/src/modules/reports/reports.territory.js';
import { gatherCounts } from '../server/src/modules/reports/social-report.figures.js';
import { figuresFrom } from '../server/src/modules/reports/social-report.service.js';
import { foldSummaryDeltas } from '../server/src/modules/requests/requests.statistics.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const YEAR = 2026;
const RUNS = 3;
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `legami_bench_reports_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const database = await openPostgres(url.toString(), 4);

const time = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  await migrate(database);
  const ctx = systemContext(database);
  await importTerritory(ctx);
  const generated = await time(() => generate(REQUESTS));
  console.log(`generated ${REQUESTS.toLocaleString('en')} requests in ${(generated.ms / 1000).toFixed(1)} s`);

  const SLUGS = ['provincia-di-cremona', 'ambito-cremonese'];
  const report = async (slug: string) => {
    let readMs = 0;
    const { ms, result } = await time(() =>
      unsafeSystemTransaction(ctx, async (tx) => {
        const territory = await resolveTerritory(tx, slug);
        const read = await time(() => gatherCounts(tx, territory, YEAR));
        readMs = read.ms;
        return figuresFrom(territory, YEAR, read.result, (t) => suppressTables(t));
      }),
    );
    return { ms, readMs, result };
  };
  // Before the fold, the whole year is in the deltas the triggers appended.
  const unfolded = new Map<string, number>();
  for (const slug of SLUGS) unfolded.set(slug, (await report(slug)).ms);
  const folded = await time(() => database.db.transaction((tx) => foldSummaryDeltas(tx)));
  console.log(`folded the summaries' deltas in ${(folded.ms / 1000).toFixed(1)} s`);

  const counts: number[] = [];
  const reports = new Map<string, number[]>();
  const reads = new Map<string, number[]>();
  for (let run = 0; run < RUNS; run += 1) {
    counts.push(
      (await time(() => queryRows(database.db, sql`SELECT count(*)::int AS n FROM help_requests`))).ms,
    );
    for (const slug of SLUGS) {
      const { ms, readMs, result } = await report(slug);
      reports.set(slug, [...(reports.get(slug) ?? []), ms]);
      reads.set(slug, [...(reads.get(slug) ?? []), readMs]);
      if (run === 0)
        console.log(
          `  ${slug}: ${result.tables.find((t) => t.id === 'requests-by-type')!.total} requests, ` +
            `${result.areas.length} areas`,
        );
    }
  }
  const baseline = median(counts);
  console.log(
    `\nannual social report, ${REQUESTS.toLocaleString('en')} help requests, PostgreSQL, median of ${RUNS}, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log(`  count(*) of help_requests          ${baseline.toFixed(0).padStart(6)} ms`);
  for (const [slug, values] of reports) {
    const ms = median(values);
    console.log(
      `  report ${slug.padEnd(28)}${ms.toFixed(0).padStart(6)} ms  (${(ms / baseline).toFixed(1)}× count(*), ` +
        `${ms <= 2000 ? 'within' : 'OVER'} the 2 s target; SQL reads ${median(reads.get(slug)!).toFixed(0)} ms, ` +
        `disclosure control the rest; ${unfolded.get(slug)!.toFixed(0)} ms before the fold)`,
    );
  }
} finally {
  await database.close();
  await admin.query(`DROP DATABASE ${dbName}`);
  await admin.end();
}

/**
 * A year of help requests over the province's comuni (by population), their beneficiaries (one
 * person for three requests, some in households), 2,000 volunteers, and a task done for every
 * completed request. Deterministic: row i's every value is arithmetic on i.
 */
async function generate(requests: number): Promise<void> {
  const people = Math.ceil(requests / 3);
  await database.db.execute(sql`
    WITH c AS (
      SELECT istat_code, sum(population) OVER (ORDER BY istat_code) - population AS lo,
             sum(population) OVER (ORDER BY istat_code) AS hi, sum(population) OVER () AS total
      FROM comuni)
    INSERT INTO households (id, comune_code, address)
    SELECT md5('h' || i)::uuid, c.istat_code, 'Via Generata ' || i
    FROM generate_series(0, ${people} / 4) AS i
    JOIN c ON ((i::bigint * 7919) % c.total) >= c.lo AND ((i::bigint * 7919) % c.total) < c.hi`);
  await database.db.execute(sql`
    INSERT INTO people (id, given_name, family_name, search_name, birth_date, sex, comune_code, household_id, lives_alone)
    SELECT md5('p' || i)::uuid, 'Persona', 'Generata ' || i, 'persona generata ' || i,
           make_date(1925 + i % 95, 1 + i % 12, 1 + i % 28), CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END,
           h.comune_code, CASE WHEN i % 3 = 0 THEN NULL ELSE h.id END, i % 3 = 0
    FROM generate_series(0, ${people} - 1) AS i
    JOIN households h ON h.id = md5('h' || (i / 4))::uuid`);
  await database.db.execute(sql`
    INSERT INTO volunteers (id, given_name, family_name, phone, comune_code, status)
    SELECT md5('v' || i)::uuid, 'Volontario', 'Generato ' || i, '333 000 0000', p.comune_code, 'approved'
    FROM generate_series(0, 1999) AS i JOIN people p ON p.id = md5('p' || ((i * 97) % ${people}))::uuid`);
  await database.db.execute(sql`
    WITH t AS (SELECT id, row_number() OVER (ORDER BY sort_order, id) - 1 AS k, count(*) OVER () AS n
               FROM intervention_types)
    INSERT INTO help_requests (id, channel, beneficiary_id, comune_code, intervention_type_id, urgency, status,
                               created_at, completed_at)
    SELECT md5('r' || i)::uuid, (ARRAY['phone', 'web', 'access_point', 'social_worker'])[1 + i % 4], p.id, p.comune_code,
           t.id,
           (ARRAY['low', 'normal', 'high', 'critical'])[1 + (i / 4) % 4],
           (ARRAY['completed', 'completed', 'accepted', 'completed', 'new', 'rejected', 'completed', 'cancelled'])[1 + i % 8],
           make_timestamptz(${YEAR}, 1, 1, 8, 0, 0, 'Europe/Rome') + make_interval(secs => (i::bigint * 31000000) / ${requests}),
           CASE WHEN i % 8 IN (0, 1, 3, 6)
                THEN make_timestamptz(${YEAR}, 1, 1, 8, 0, 0, 'Europe/Rome')
                     + make_interval(secs => (i::bigint * 31000000) / ${requests} + 3600 * (2 + i % 71)) END
    FROM generate_series(0, ${requests} - 1) AS i
    JOIN people p ON p.id = md5('p' || (i % ${people}))::uuid
    JOIN t ON t.k = i % t.n`);
  await database.db.execute(sql`
    INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, service_minutes)
    SELECT r.id, r.comune_code, r.intervention_type_id, (r.completed_at AT TIME ZONE 'Europe/Rome')::date, 'done',
           md5('v' || (abs(hashtext(r.id::text)) % 2000))::uuid, 30
    FROM help_requests r WHERE r.status = 'completed'`);
  await database.db.execute(sql`ANALYZE`);
}

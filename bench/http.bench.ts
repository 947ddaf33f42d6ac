/**
 * `npm run bench`: throughput and p99 latency of request intake and task assignment under load
 * (autocannon, 50 connections, real PostgreSQL), next to a raw SQL insert baseline measured in
 * the same run on the same database, and a bare Fastify route doing that insert (the HTTP +
 * database limit); both ratios are printed. The servers run in a child process
 * (http.bench-server.ts), autocannon in this one. Set DATABASE_URL to the server (default: local postgres);
 * BENCH_PROF=1 writes the servers' CPU profile to /tmp/legami-bench-prof (where their time goes).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openPostgres, queryRows, sql } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { systemContext } from '../server/src/platform/context.js';
import { importTerritory } from '../server/src/modules/territory/territory.service.js';
import { hashPassword } from '../server/src/modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../server/src/modules/accounts/accounts.repository.js';
import { insertOrganization } from '../server/src/modules/organizations/organizations.repository.js';
import { insertPerson } from '../server/src/modules/people/people.repository.js';
import { searchNameOf } from '../server/src/modules/people/people.rules.js';
import { dateInRome } from '../server/src/platform/time.js';

const CONNECTIONS = 50;
// Figures mean little on a busy machine: the load average is printed with them.
const loadBefore = loadavg();
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PEOPLE = 2000;
const VOLUNTEERS = 400;
const TASKS = 12000;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `legami_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const database = await openPostgres(url.toString(), 10);
let server: ChildProcess | undefined;

try {
  await migrate(database);
  const ctx = systemContext(database);
  await importTerritory(ctx);
  console.log(`Preparing ${PEOPLE} people, ${VOLUNTEERS} volunteers and ${TASKS} open tasks…`);
  const fixture = await database.db.transaction(async (tx) => {
    const organizationId = await insertOrganization(tx, {
      name: 'AUSER Bench',
      kind: 'association',
      ambitoId: 'CREMONA',
      comuneCode: null,
    });
    const passwordHash = await hashPassword('bench-password');
    for (const [email, role] of [
      ['op@bench.it', 'operatore'],
      ['coord@bench.it', 'coordinatore'],
    ] as const) {
      const user = await insertUser(tx, { email, fullName: role, passwordHash, mustChangePassword: false });
      await insertMembership(tx, user.id, {
        organizationId: role === 'coordinatore' ? organizationId : null,
        role,
        scopeType: 'ambito',
        scopeId: 'CREMONA',
      });
    }
    await tx.execute(sql`INSERT INTO competence_rules (intervention_type_id, scope_type, scope_id, organization_id, priority, version)
                         SELECT id, 'ambito', 'CREMONA', ${organizationId}, 1, 1 FROM intervention_types`);
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      people.push(
        await insertPerson(
          tx,
          {
            codiceFiscale: null,
            givenName: 'Persona',
            familyName: `Bench ${i}`,
            searchName: searchNameOf('Persona', `Bench ${i}`),
            birthDate: '1940-01-01',
            sex: 'F',
            birthPlace: null,
            comuneCode: '019036',
            address: 'Via Roma 1',
            neighbourhood: null,
            latitude: null,
            longitude: null,
            phone: null,
            phoneDigits: null,
            email: null,
            disability: false,
            livesAlone: false,
            covidPositive: false,
            knownToSocialServices: false,
            consentPrivacy: true,
            consentContact: true,
          },
          null,
        ),
      );
    }
    const volunteers = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO volunteers (organization_id, given_name, family_name, phone, comune_code, status, has_car, has_licence, availability, max_tasks_per_day, consent_privacy)
          SELECT ${organizationId}, 'Volontario', 'Bench ' || g, '333', '019036', 'approved', true, true,
                 (SELECT jsonb_agg(jsonb_build_object('day', d, 'from', '00:00', 'to', '23:59')) FROM generate_series(1, 7) d), 50, true
          FROM generate_series(1, ${VOLUNTEERS}) g RETURNING id`,
    );
    const [request] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, status, organization_id)
          VALUES ('phone', ${people[0]!}, '019036', 'food_parcels', 'accepted', ${organizationId}) RETURNING id`,
    );
    const tasks = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO tasks (request_id, organization_id, comune_code, intervention_type_id, due_date, latitude, longitude)
          SELECT ${request!.id}, ${organizationId}, '019036', 'food_parcels', ${dateInRome()}::date, 45.13, 10.02
          FROM generate_series(1, ${TASKS}) RETURNING id`,
    );
    return {
      people,
      volunteers: volunteers.map((v) => v.id),
      tasks: tasks.map((t) => t.id),
      requestId: request!.id,
      organizationId,
    };
  });

  server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/legami-bench-prof'] : []),
      '--import',
      'tsx',
      new URL('./http.bench-server.ts', import.meta.url).pathname,
    ],
    {
      env: { ...process.env, BENCH_DATABASE_URL: url.toString() },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
  const { app: address, bare: bareAddress } = JSON.parse(line) as { app: string; bare: string };
  const login = async (email: string) => {
    const response = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password' }),
    });
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    return {
      cookie,
      'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    };
  };
  const operator = await login('op@bench.it');
  const coordinator = await login('coord@bench.it');

  // Baseline: the same number of concurrent writers inserting help_requests with plain SQL on the same pool size.
  const baseline = await (async () => {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
    const latencies: number[] = [];
    const end = performance.now() + DURATION_S * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          await pool.query(
            `INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id) VALUES ('phone', $1, '019036', 'food_parcels')`,
            [fixture.people[n++ % fixture.people.length]],
          );
          latencies.push(performance.now() - started);
        }
      }),
    );
    await pool.end();
    latencies.sort((a, b) => a - b);
    return { rps: latencies.length / DURATION_S, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
  })();

  // Second baseline: a bare Fastify route on a pool of the same size doing the same single insert
  // (no session, no rules, no audit) — the HTTP + database limit of this machine.
  let bareN = 0;
  const bare = await autocannon({
    url: `${bareAddress}/bare`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ beneficiaryId: fixture.people[bareN++ % fixture.people.length] }),
        }),
      },
    ],
  });

  let person = 0;
  const intake = await autocannon({
    url: `${address}/api/requests`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: operator,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            channel: 'phone',
            beneficiaryId: fixture.people[person++ % fixture.people.length],
            interventionTypeId: 'food_parcels',
            confirmSimilar: true,
          }),
        }),
      },
    ],
  });

  let task = 0;
  const assignment = await autocannon({
    url: `${address}/api/tasks`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: coordinator,
        setupRequest: (request) => {
          const n = task++ % fixture.tasks.length;
          return {
            ...request,
            path: `/api/tasks/${fixture.tasks[n]}/assign`,
            body: JSON.stringify({ volunteerId: fixture.volunteers[n % fixture.volunteers.length] }),
          };
        },
      },
    ],
  });
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  await exited;

  const row = (name: string, rps: number, p99: number, errors: number) =>
    `${name.padEnd(34)} ${rps.toFixed(0).padStart(8)} req/s   p99 ${p99.toFixed(1).padStart(7)} ms   ${(rps / bare.requests.average).toFixed(2).padStart(5)}× bare route   ${(rps / baseline.rps).toFixed(2).padStart(5)}× raw insert   non-2xx ${errors}`;
  console.log(`\nLegami HTTP benchmark — PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s each`);
  console.log(`(load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(', ')})`);
  console.log(row('baseline: raw SQL INSERT', baseline.rps, baseline.p99, 0));
  console.log(row('baseline: bare Fastify route', bare.requests.average, bare.latency.p99, bare.non2xx));
  console.log(row('POST /api/requests (intake)', intake.requests.average, intake.latency.p99, intake.non2xx));
  console.log(
    row('POST /api/tasks/:id/assign', assignment.requests.average, assignment.latency.p99, assignment.non2xx),
  );
  console.log(
    '(non-2xx on assignment are 409/422 refusals when a round reaches the daily maximum; they are counted, not hidden)',
  );
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

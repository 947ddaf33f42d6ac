/**
 * Part of `npm run bench`: the service catalogue (issue 11).
 *
 * 1. Search latency (p50/p95/p99) over 20,000 generated approved services, on real PostgreSQL and on
 *    PGlite: the public search use case (`searchServices`: the comune named in the query, Italian
 *    full-text search, filters, ranking by relevance and distance, the total) called one at a time
 *    with realistic queries, next to a plain indexed primary-key lookup of a service measured in the
 *    same run through the same door (a public transaction: the application role over no territory).
 *    Target on PostgreSQL: search p95 ≤ 10 ms and ≤ 3× the lookup's p95.
 * 2. Booking throughput on PostgreSQL: `POST /api/orders` by a logged-in citizen (tariff from her
 *    comune and ISEE, capacity reserved, pagoPA notice, event, audit) under 50 connections, next to
 *    the bench's bare-route baseline (http.bench-server.ts: one insert, no session or rules, a pool of
 *    the same size), both served by that server process and measured in the same run. Target: ≥ 50 %.
 * DATABASE_URL names the server (default: local postgres); BENCH_SECONDS the load duration.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  createPglite,
  openPostgres,
  pgArray,
  queryRows,
  sql,
  wrapPglite,
  type Database,
} from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { systemContext, type Context } from '../server/src/platform/context.js';
import { withPublicScope } from '../server/src/platform/access/access.js';
import { addDays, dateInRome } from '../server/src/platform/time.js';
import { importTerritory } from '../server/src/modules/territory/territory.service.js';
import { hashPassword } from '../server/src/modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../server/src/modules/accounts/accounts.repository.js';
import { insertOrganization } from '../server/src/modules/organizations/organizations.repository.js';
import { insertPerson } from '../server/src/modules/people/people.repository.js';
import { searchNameOf } from '../server/src/modules/people/people.rules.js';
import * as repo from '../server/src/modules/catalog/catalog.repository.js';
import { searchServices, serviceSearchText } from '../server/src/modules/catalog/catalog.service.js';
import type { ServiceSearchQuery } from '../shared/src/catalog/catalog.schemas.js';

const SERVICES = 20_000;
const PROVIDERS = 60;
const SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 600);
const WARM_UP = 60;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CREMONA = '019036';
const loadBefore = loadavg();

// What citizens type (seed 001 and the issue), with and without a comune, and a filtered browse.
const QUERIES: ServiceSearchQuery[] = [
  { q: 'pasti a domicilio anziani Crema' },
  { q: 'badante' },
  { q: 'trasporto disabili' },
  { q: 'pulizie casa Cremona' },
  { q: 'fisioterapia a domicilio' },
  { q: 'babysitter' },
  { q: 'mediazione familiare separazione' },
  { q: 'centro estivo bambini Soresina' },
  { q: 'telesoccorso' },
  { q: 'trasloco mobili' },
  { q: 'assistenza domiciliare', comune: '019035' },
  { category: 'servizi_anziani', comune: CREMONA, target: 'anziani' },
];

const VARIANTS = ['di quartiere', 'a domicilio', 'per la famiglia', 'su appuntamento', 'solidale', 'plus'];
const TARGETS = ['anziani', 'disabili', 'famiglie', 'bambini', 'adulti', 'tutti'];
const UNITS = ['hour', 'meal', 'trip', 'session', 'month', 'service'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

interface Stats {
  p50: number;
  p95: number;
  p99: number;
}

async function sample(n: number, run: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARM_UP; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

/** 60 providers and 20,000 approved services over every category and comune, in a few statements. */
async function generateCatalogue(
  database: Database,
): Promise<{ serviceIds: string[]; providerIds: string[] }> {
  return database.db.transaction(async (tx) => {
    const comuni = await queryRows<{
      istat_code: string;
      name: string;
      ambito_id: string;
      population: number;
    }>(tx, sql`SELECT istat_code, name, ambito_id, population FROM comuni ORDER BY istat_code`);
    // Services are based in a comune in proportion to its residents; one in four serves its whole Ambito.
    const weighted = comuni.flatMap((c) =>
      Array<typeof c>(Math.max(1, Math.round(c.population / 500))).fill(c),
    );
    const ofAmbito = new Map<string, string[]>();
    for (const c of comuni) ofAmbito.set(c.ambito_id, [...(ofAmbito.get(c.ambito_id) ?? []), c.istat_code]);
    const terms = (await repo.listTerms(tx)).filter((t) => t.id !== 'servizi_comunali');
    const providerIds: string[] = [];
    for (let p = 0; p < PROVIDERS; p++) {
      const id = await insertOrganization(tx, {
        name: `Cooperativa sociale Bench ${p + 1}`,
        kind: 'social_cooperative',
        ambitoId: null,
        comuneCode: null,
      });
      await repo.upsertProvider(tx, {
        organizationId: id,
        description: 'Cooperativa generata per il benchmark',
        comuniServed: comuni.map((c) => c.istat_code),
        creditorTaxCode: '01234567890',
        segregationCode: '02',
      });
      providerIds.push(id);
    }
    const serviceIds: string[] = [];
    const BATCH = 2_000;
    for (let start = 0; start < SERVICES; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, SERVICES - start) }, (_, k) => {
        const i = start + k;
        const term = terms[i % terms.length]!;
        const base = weighted[(i * 7919) % weighted.length]!;
        // Every category meets every target group (16 categories and 6 groups would otherwise pair up).
        const target = TARGETS[Math.floor(i / terms.length) % TARGETS.length]!;
        const provider = `Cooperativa sociale Bench ${(i % PROVIDERS) + 1}`;
        const name = `${term.name_it} ${VARIANTS[i % VARIANTS.length]} ${base.name} n. ${i + 1}`;
        const description = `${term.description} Servizio ${VARIANTS[(i + 3) % VARIANTS.length]} a ${base.name}.`;
        const list = 1_000 + (i % 40) * 100;
        return {
          provider: providerIds[i % PROVIDERS]!,
          category: term.id,
          name,
          description,
          target,
          base: base.istat_code,
          comuni: i % 4 === 0 ? ofAmbito.get(base.ambito_id)! : [base.istat_code],
          unit: UNITS[i % UNITS.length]!,
          list,
          capped: list - 200,
          searchText: serviceSearchText({
            name,
            description,
            term,
            targetGroups: [target],
            providerName: provider,
            isMunicipal: false,
            baseComuneName: base.name,
          }),
        };
      });
      const column = (f: (r: (typeof rows)[number]) => string | number) =>
        pgArray(rows.map((r) => String(f(r))));
      const inserted = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO catalog_services (provider_id, category_id, name, description, target_groups, comuni, base_comune_code,
              schedule, unit, list_price_cents, capped_price_cents, status, search_text, moderated_at)
            SELECT provider, category, name, description, ARRAY[target], string_to_array(comuni, ','), base,
                   'Lunedì–venerdì', unit, list, capped, 'approved', search_text, now()
            FROM unnest(${column((r) => r.provider)}::uuid[], ${column((r) => r.category)}::text[],
                        ${column((r) => r.name)}::text[], ${column((r) => r.description)}::text[],
                        ${column((r) => r.target)}::text[], ${column((r) => r.comuni.join(','))}::text[],
                        ${column((r) => r.base)}::text[],
                        ${column((r) => r.unit)}::text[], ${column((r) => r.list)}::int[],
                        ${column((r) => r.capped)}::int[], ${column((r) => r.searchText)}::text[])
                 AS g(provider, category, name, description, target, comuni, base, unit, list, capped, search_text)
            RETURNING id`,
      );
      serviceIds.push(...inserted.map((r) => r.id));
    }
    await tx.execute(sql`ANALYZE catalog_services`);
    return { serviceIds, providerIds };
  });
}

/** Search and primary-key lookup latencies on one engine, one call at a time. */
async function measureSearch(database: Database, serviceIds: string[]) {
  const ctx: Context = { ...systemContext(database), requestId: 'bench', ip: '127.0.0.1' };
  let hits = 0;
  const search = await sample(SAMPLES, async (i) => {
    const found = await searchServices(ctx, QUERIES[i % QUERIES.length]!);
    hits += found.total;
  });
  const lookup = await sample(SAMPLES, (i) =>
    withPublicScope(ctx, (tx) =>
      queryRows(
        tx,
        sql`SELECT id, name, capped_price_cents FROM catalog_services WHERE id = ${serviceIds[(i * 37) % serviceIds.length]!}`,
      ),
    ),
  );
  return { search, lookup, meanHits: hits / (SAMPLES + WARM_UP) };
}

async function withPostgres<T>(work: (database: Database, url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `legami_bench_catalog_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const database = await openPostgres(url.toString(), 10);
  try {
    await migrate(database);
    await importTerritory(systemContext(database));
    return await work(database, url.toString());
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

/** A citizen of Cremona with a verified ISEE, logged in, and Cremona's tariff for every category. */
async function prepareBooking(database: Database, providerIds: string[]) {
  const serviceIds = await database.db.transaction(async (tx) => {
    const person = await insertPerson(
      tx,
      {
        codiceFiscale: null,
        givenName: 'Cittadina',
        familyName: 'Bench',
        searchName: searchNameOf('Cittadina', 'Bench'),
        birthDate: '1950-01-01',
        sex: 'F',
        birthPlace: null,
        comuneCode: CREMONA,
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
    );
    const user = await insertUser(tx, {
      email: 'cittadina@bench.it',
      fullName: 'Cittadina Bench',
      passwordHash: await hashPassword('bench-password'),
      mustChangePassword: false,
      personId: person,
    });
    await insertMembership(tx, user.id, {
      organizationId: null,
      role: 'cittadino',
      scopeType: 'comune',
      scopeId: CREMONA,
    });
    const today = dateInRome();
    await repo.insertIsee(
      tx,
      {
        personId: person,
        comuneCode: CREMONA,
        iseeType: 'ordinario',
        valueCents: 845_032,
        dsuProtocol: 'INPS-ISEE-BENCH-00000001A-00',
        issuedOn: addDays(today, -30),
        expiresOn: addDays(today, 300),
        verifiedBy: user.id,
      },
      user.id,
    );
    for (const term of await repo.listTerms(tx)) {
      await repo.replaceTariffRule(
        tx,
        {
          scopeType: 'comune',
          scopeId: CREMONA,
          serviceId: null,
          categoryId: term.id,
          name: `Tariffa bench ${term.id}`,
          source: null,
          rule: {
            iseeTypes: ['ordinario'],
            bands: [
              {
                fromCents: 0,
                fromInclusive: true,
                toCents: 600_000,
                toInclusive: true,
                price: { kind: 'fixed', cents: 250 },
              },
              {
                fromCents: 600_000,
                fromInclusive: false,
                toCents: 1_500_000,
                toInclusive: true,
                price: { kind: 'linear', minCents: 250, maxCents: 550 },
              },
            ],
            fullTariffCents: 700,
            noIseeCents: 700,
            invalidIsee: 'full_tariff',
          },
        },
        null,
      );
    }
    // 200 bookable services in Cremona with a monthly capacity that never runs out during the run.
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`UPDATE catalog_services SET capacity = 1000000, capacity_period = 'month'
          WHERE id IN (SELECT id FROM catalog_services WHERE provider_id = ANY (${pgArray(providerIds)}::uuid[])
                       AND ${CREMONA} = ANY (comuni) ORDER BY id LIMIT 200)
          RETURNING id`,
    );
    return { ids: rows.map((r) => r.id), personId: person, userId: user.id };
  });
  return serviceIds;
}

async function measureBooking(database: Database, url: string, providerIds: string[]) {
  const fixture = await prepareBooking(database, providerIds);
  const startDate = addDays(dateInRome(), 1);
  // The servers of `npm run bench` (http.bench-server.ts) in their own process: Legami, and the bare
  // route inserting one help request with no session or rules — the bench's baseline.
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./http.bench-server.ts', import.meta.url).pathname],
    { env: { ...process.env, BENCH_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(server, 'exit');
  try {
    const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
    const addresses = JSON.parse(line) as { app: string; bare: string };
    const bare = await autocannon({
      url: `${addresses.bare}/bare`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ beneficiaryId: fixture.personId }),
    });
    const response = await fetch(`${addresses.app}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cittadina@bench.it', password: 'bench-password' }),
    });
    const headers = {
      cookie: response.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': ((await response.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    };
    let n = 0;
    const booking = await autocannon({
      url: `${addresses.app}/api/orders`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              serviceId: fixture.ids[n++ % fixture.ids.length],
              quantity: 1,
              startDate,
            }),
          }),
        },
      ],
    });
    const [orders] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM catalog_orders WHERE created_by = ${fixture.userId}`,
    );
    return { bare, booking, ordersCreated: orders!.n };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;
const statsLine = (name: string, s: Stats) =>
  `${name.padEnd(40)} p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   p99 ${ms(s.p99)}`;

const pgResult = await withPostgres(async (database, url) => {
  console.log(`Catalogue bench: generating ${SERVICES} services on PostgreSQL…`);
  const { serviceIds, providerIds } = await generateCatalogue(database);
  const searched = await measureSearch(database, serviceIds);
  const booked = await measureBooking(database, url, providerIds);
  return { searched, booked };
});

console.log(`Catalogue bench: generating ${SERVICES} services on PGlite…`);
const pglite = wrapPglite(await createPglite());
let pgliteResult: Awaited<ReturnType<typeof measureSearch>>;
try {
  await migrate(pglite);
  await importTerritory(systemContext(pglite));
  const { serviceIds } = await generateCatalogue(pglite);
  pgliteResult = await measureSearch(pglite, serviceIds);
} finally {
  await pglite.close();
}

console.log(
  `\nLegami catalogue benchmark — ${SERVICES} approved services, ${SAMPLES} searches of ${QUERIES.length} kinds`,
);
console.log(`(load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(', ')})`);
for (const [engine, r] of [
  ['PostgreSQL', pgResult.searched],
  ['PGlite', pgliteResult],
] as const) {
  console.log(statsLine(`${engine}: search (searchServices)`, r.search));
  console.log(statsLine(`${engine}: primary-key lookup`, r.lookup));
  console.log(
    `${engine}: search p95 / lookup p95 = ${(r.search.p95 / r.lookup.p95).toFixed(2)}×   (mean total per search ${r.meanHits.toFixed(0)})`,
  );
}
const target =
  pgResult.searched.search.p95 <= 10 && pgResult.searched.search.p95 <= 3 * pgResult.searched.lookup.p95;
console.log(`PostgreSQL target (p95 ≤ 10 ms and ≤ 3× the lookup): ${target ? 'met' : 'NOT met'}`);
const { bare, booking, ordersCreated } = pgResult.booked;
console.log(
  `baseline: bare Fastify route (1 INSERT)   ${bare.requests.average.toFixed(0).padStart(6)} req/s   p99 ${bare.latency.p99.toFixed(1)} ms   non-2xx ${bare.non2xx}`,
);
console.log(
  `POST /api/orders (citizen booking)        ${booking.requests.average.toFixed(0).padStart(6)} req/s   p99 ${booking.latency.p99.toFixed(1)} ms   non-2xx ${booking.non2xx}   ${((100 * booking.requests.average) / bare.requests.average).toFixed(0)} % of the bare route (target ≥ 50 %)   ${ordersCreated} orders created`,
);

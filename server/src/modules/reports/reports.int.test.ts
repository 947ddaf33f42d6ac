import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();
const publisher = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const cremascoAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
const operator = await env.loginAs('operatore');
const CASTELVISCONTI = '019027'; // 282 residents (ISTAT 2021)

/** Inserts `n` requests of one kind received in 2026, each for a new person of the comune. */
let born = 0;
async function requests(
  n: number,
  comune: string,
  type: string,
  extra: { channel?: string } = {},
): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    born += 1;
    // Half over 65, half younger; distinct birth dates keep the made-up codici fiscali distinct.
    const year = (born % 2 ? 1940 : 1990) + (born % 7);
    const birthDate = `${year}-0${1 + (born % 9)}-${10 + (born % 18)}`;
    const person = await env.buildPerson({ comune, birthDate });
    await env.database.db.execute(sql`
      INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, created_at)
      VALUES (${extra.channel ?? 'phone'}, ${person}, ${comune}, ${type}, '2026-03-10T10:00:00+01:00')`);
  }
}

const SORESINA = '019098';
const PIZZIGHETTONE = '019076';
await requests(12, CREMONA, 'groceries_medicines');
await requests(7, CREMONA, 'home_meals', { channel: 'web' });
await requests(10, SORESINA, 'groceries_medicines');
await requests(8, SORESINA, 'home_meals');
await requests(9, PIZZIGHETTONE, 'groceries_medicines');
await requests(6, PIZZIGHETTONE, 'home_meals');
await requests(3, CASTELVISCONTI, 'hospital_transport');
await requests(9, CREMA, 'groceries_medicines');
// The test's own count of requests by comune (Castelvisconti among the small comuni) and type.
const expected = new Map<string, number>([
  [`${CREMONA}|groceries_medicines`, 12],
  [`${CREMONA}|home_meals`, 7],
  [`${SORESINA}|groceries_medicines`, 10],
  [`${SORESINA}|home_meals`, 8],
  [`${PIZZIGHETTONE}|groceries_medicines`, 9],
  [`${PIZZIGHETTONE}|home_meals`, 6],
  ['altri-CREMONA|hospital_transport', 3],
]);

const publish = (territory: string, headers: Record<string, string> | undefined) =>
  env.app.inject({
    method: 'POST',
    url: `/api/open-data/2026/${territory}/publish`,
    ...(headers ? { headers } : {}),
  });
/** Publishes through the job queue and waits for the job, as the web page does. */
async function publishAndWait(territory: string, headers: Record<string, string>) {
  const queued = await publish(territory, headers);
  expect(queued.statusCode).toBe(202);
  expect(queued.json().status).toBe('queued');
  for (let i = 0; i < 300; i += 1) {
    const now = await env.app.inject({
      method: 'GET',
      url: `/api/open-data/publications/${queued.json().id}`,
      headers,
    });
    if (now.json().status !== 'queued') return now.json();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the publication did not finish');
}
const csvRows = async (url: string) => {
  const response = await env.app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return parse(response.body, { columns: true }) as Record<string, string>[];
};

describe('open data', () => {
  it('asks for a login, the right and the territory before publishing', async () => {
    expect((await publish('ambito-cremonese', undefined)).statusCode).toBe(401);
    expect((await publish('ambito-cremonese', operator.headers)).statusCode).toBe(403);
    expect((await publish('ambito-cremonese', cremascoAdmin.headers)).statusCode).toBe(404);
    expect((await publish('provincia-di-cremona', publisher.headers)).statusCode).toBe(404);
    expect((await publish('ambito-inesistente', publisher.headers)).statusCode).toBe(404);
    const [{ n } = { n: -1 }] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM open_datasets`,
    );
    expect(n).toBe(0);
  });

  it('publishes every dataset of the year as a frozen version, audited', async () => {
    const done = await publishAndWait('ambito-cremonese', publisher.headers);
    expect(done).toMatchObject({ year: 2026, territory: 'ambito-cremonese', status: 'done', version: 1 });
    const audit = await queryRows<{ action: string; details: { territory?: string; kind?: string } }>(
      env.database.db,
      sql`SELECT action, details FROM audit_events WHERE action IN ('open_data.publish', 'job.completed') ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'open_data.publish', details: { year: 2026, territory: 'ambito-cremonese' } },
      expect.objectContaining({
        action: 'job.completed',
        details: expect.objectContaining({ kind: 'open_data.publish' }),
      }),
    ]);
    // Another district's administrator cannot follow it either.
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/open-data/publications/${done.id}`,
      headers: cremascoAdmin.headers,
    });
    expect(other.statusCode).toBe(404);
  });

  it('lists the datasets for anyone, with their data dictionary and CSV address', async () => {
    const catalog = (await env.app.inject({ method: 'GET', url: '/api/open-data' })).json();
    expect(catalog.license.name).toBe('CC BY 4.0');
    const byType = catalog.datasets.find((d: { identifier: string }) =>
      d.identifier.endsWith(':2026:ambito-cremonese:requests-by-type'),
    );
    expect(byType.distributions[0].downloadURL).toBe(
      '/api/open-data/2026/ambito-cremonese/requests-by-type.csv',
    );
    expect(byType.columns.map((c: { name: string }) => c.name)).toEqual([
      'anno',
      'territorio',
      'comune_istat',
      'comune',
      'tipo_intervento_codice',
      'tipo_intervento',
      'valore',
    ]);
    expect(catalog.datasets).toHaveLength(9);
  });

  it('publishes the counts that are safe, and nothing under five people', async () => {
    for (const dataset of [
      'requests-by-type',
      'requests-by-channel',
      'people-reached-by-age-band',
      'people-reached-by-sex',
    ]) {
      const rows = await csvRows(`/api/open-data/2026/ambito-cremonese/${dataset}.csv`);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.valore === 'c' || Number(row.valore) >= 5).toBe(true);
    }
    const rows = await csvRows('/api/open-data/2026/ambito-cremonese/requests-by-type.csv');
    // Every figure shown equals the test's own count; the large ones are shown.
    const count = (comune: string, type: string) =>
      comune === 'TOTALE' || type === 'TOTALE'
        ? [...expected]
            .filter(
              ([key]) =>
                (comune === 'TOTALE' || key.startsWith(`${comune}|`)) &&
                (type === 'TOTALE' || key.endsWith(`|${type}`)),
            )
            .reduce((sum, [, n]) => sum + n, 0)
        : (expected.get(`${comune}|${type}`) ?? 0);
    for (const row of rows)
      if (row.valore !== 'c')
        expect(Number(row.valore)).toBe(count(row.comune_istat!, row.tipo_intervento_codice!));
    const shown = (comune: string, type: string) =>
      rows.find((r) => r.comune_istat === comune && r.tipo_intervento_codice === type)?.valore;
    expect(shown('TOTALE', 'TOTALE')).toBe('55');
    expect(shown(CREMONA, 'groceries_medicines')).toBe('12');
    expect(shown('altri-CREMONA', 'hospital_transport')).toBe('c');
    // Crema is another Ambito: not in this territory's tables.
    expect(rows.some((r) => r.comune_istat === CREMA)).toBe(false);
  });

  it('never shows a comune of 282 residents alone, so its 3 cases cannot be found', async () => {
    for (const dataset of ['requests-by-type', 'requests-by-urgency', 'people-reached-by-sex']) {
      const rows = await csvRows(`/api/open-data/2026/ambito-cremonese/${dataset}.csv`);
      expect(rows.some((r) => r.comune_istat === CASTELVISCONTI)).toBe(false);
      expect(rows.some((r) => r.comune_istat === 'altri-CREMONA')).toBe(true);
    }
  });

  it('keeps a published version as it was, and a new publication is a new version', async () => {
    const before = await env.app.inject({
      method: 'GET',
      url: '/api/open-data/2026/ambito-cremonese/requests-by-type.csv',
    });
    await requests(6, CREMONA, 'food_parcels');
    expected.set(`${CREMONA}|food_parcels`, 6);
    const still = await env.app.inject({
      method: 'GET',
      url: '/api/open-data/2026/ambito-cremonese/requests-by-type.csv',
    });
    expect(still.body).toBe(before.body);
    expect((await publishAndWait('ambito-cremonese', publisher.headers)).version).toBe(2);
    const rows = await csvRows('/api/open-data/2026/ambito-cremonese/requests-by-type.csv');
    expect(
      rows.find((r) => r.comune_istat === CREMONA && r.tipo_intervento_codice === 'TOTALE')?.valore,
    ).toBe('25');
  });

  it('answers 404 for a dataset never published', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/open-data/2019/ambito-cremonese/requests-by-type.csv',
    });
    expect(response.statusCode).toBe(404);
  });
});

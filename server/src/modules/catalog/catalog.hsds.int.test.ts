import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';
import {
  buildAccessPoint,
  buildApprovedService,
  buildProvider,
  CREMA,
  CREMONA,
  serviceInput,
  setTariff,
} from '../../test/catalog-factories.js';
import { AMBITO_CREMASCO_SAD_2021 } from './catalog.demo.js';

const env = await setupTestEnv();

// The HSDS 3.0 schemas as copied into the repository (reference-data/hsds, CC BY-SA 4.0).
const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../reference-data/hsds/schema');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
  ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object, file);
}
const compiled = ajv.compile(
  JSON.parse(readFileSync(join(SCHEMA_DIR, 'compiled/service_with_definitions.json'), 'utf8')) as object,
);
const entity = (file: string) => ajv.getSchema(file)!;
// The standard's paging envelope: components.schemas.Page of its openapi.json.
const openapi = JSON.parse(readFileSync(join(SCHEMA_DIR, 'openapi.json'), 'utf8')) as {
  components: { schemas: { Page: object } };
};
const page = ajv.compile({
  ...openapi.components.schemas.Page,
  required: [
    'total_items',
    'total_pages',
    'page_number',
    'size',
    'first_page',
    'last_page',
    'empty',
    'contents',
  ],
});

function assertValid(validate: ReturnType<typeof ajv.compile>, value: unknown): void {
  const ok = validate(value);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

async function seedServiceWithTariff(): Promise<{ serviceId: string; providerId: string }> {
  const providerId = await buildProvider(env, { comuni: [CREMA], name: `Cooperativa HSDS ${Date.now()}` });
  const serviceId = await buildApprovedService(env, providerId, {
    ...serviceInput(providerId),
    name: 'Assistenza domiciliare HSDS',
    categoryId: 'assistenza_domiciliare',
    unit: 'hour',
    listPriceCents: 2000,
    cappedPriceCents: 1600,
    requiredDocuments: ['Attestazione ISEE sociosanitario', 'Documento di identità'],
  });
  const rule = await setTariff(
    env,
    { scopeType: 'ambito', scopeId: 'CREMA', categoryId: 'assistenza_domiciliare' },
    AMBITO_CREMASCO_SAD_2021,
  );
  expect(rule.statusCode).toBe(201);
  return { serviceId, providerId };
}

describe('HSDS 3.0 API', () => {
  it('serves a service that validates against compiled/service_with_definitions.json, tariff bands as cost options', async () => {
    const { serviceId } = await seedServiceWithTariff();
    const response = await env.app.inject({ method: 'GET', url: `/api/hsds/services/${serviceId}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    assertValid(compiled, body);
    assertValid(entity('service.json'), body);
    expect(body).toMatchObject({ id: serviceId, status: 'active', name: 'Assistenza domiciliare HSDS' });
    const options = body.cost_options.map((o: { option: string; amount: number }) => [o.option, o.amount]);
    expect(options).toEqual([
      ['Prezzo di listino', 20],
      ['Prezzo calmierato', 16],
      ['Ambito CREMA – ISEE da 0,00 € fino a 3000,00 €', 0],
      ['Ambito CREMA – ISEE oltre 3000,00 € fino a 6000,00 €', 2],
      ['Ambito CREMA – ISEE oltre 6000,00 € fino a 20000,00 €', 4],
      ['Ambito CREMA – oltre l’ultima fascia ISEE', 16],
    ]);
    expect(body.required_documents.map((d: { document: string }) => d.document)).toEqual([
      'Attestazione ISEE sociosanitario',
      'Documento di identità',
    ]);
    expect(body.attributes[0].taxonomy_term).toMatchObject({
      code: 'assistenza_domiciliare',
      name: 'Assistenza domiciliare',
    });
  });

  it('pages services as the standard does, each item valid', async () => {
    await seedServiceWithTariff();
    const response = await env.app.inject({ method: 'GET', url: '/api/hsds/services?page=1&per_page=1' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    assertValid(page, body);
    expect(body).toMatchObject({ page_number: 1, page: 1, size: 1, first_page: true, empty: false });
    expect(body.total_items).toBeGreaterThanOrEqual(1);
    expect(body.total_pages).toBe(body.total_items);
    expect(body.contents).toHaveLength(1);
    for (const item of body.contents) assertValid(entity('service.json'), item);
    const past = (
      await env.app.inject({
        method: 'GET',
        url: `/api/hsds/services?page=${body.total_pages + 1}&per_page=1`,
      })
    ).json();
    assertValid(page, past);
    expect(past).toMatchObject({ empty: true, last_page: true, size: 0, total_items: body.total_items });
  });

  it('hides a service not yet approved with 404', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMA] });
    const provider = await env.loginAs('amministratore', { type: 'all' });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/services',
      headers: provider.headers,
      payload: serviceInput(providerId),
    });
    expect(created.json().status).toBe('pending');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/hsds/services/${created.json().id}` })).statusCode,
    ).toBe(404);
  });

  it('serves organisations, service_at_locations, taxonomies and taxonomy terms that validate', async () => {
    const { providerId, serviceId } = await seedServiceWithTariff();
    const accessPointId = await buildAccessPoint(env);
    const cremonaProvider = await buildProvider(env, { comuni: [CREMONA] });
    const cremonaService = await buildApprovedService(env, cremonaProvider, { comuni: [CREMONA] });
    const organizations = (
      await env.app.inject({ method: 'GET', url: '/api/hsds/organizations?per_page=100' })
    ).json();
    assertValid(page, organizations);
    expect(organizations.contents.map((o: { id: string }) => o.id)).toContain(providerId);
    for (const o of organizations.contents) assertValid(entity('organization.json'), o);
    const one = await env.app.inject({ method: 'GET', url: `/api/hsds/organizations/${providerId}` });
    assertValid(entity('organization.json'), one.json());
    const terms = (
      await env.app.inject({ method: 'GET', url: '/api/hsds/taxonomy_terms?per_page=100' })
    ).json();
    assertValid(page, terms);
    expect(terms.total_items).toBe(17);
    for (const t of terms.contents) assertValid(entity('taxonomy_term.json'), t);
    const taxonomies = (await env.app.inject({ method: 'GET', url: '/api/hsds/taxonomies' })).json();
    assertValid(page, taxonomies);
    expect(taxonomies.contents).toHaveLength(1);
    for (const t of taxonomies.contents) assertValid(entity('taxonomy.json'), t);
    const locations = await env.app.inject({
      method: 'GET',
      url: '/api/hsds/service_at_locations?per_page=100',
    });
    expect(locations.statusCode).toBe(200);
    assertValid(page, locations.json());
    // The access point is in Cremona, the service in Crema: only services of its comune are offered there.
    const pairs = locations
      .json()
      .contents.map((l: { service_id: string; location_id: string }) => [l.service_id, l.location_id]);
    expect(pairs).not.toContainEqual([serviceId, accessPointId]);
    expect(pairs).toContainEqual([cremonaService, accessPointId]);
    for (const s of locations.json().contents) assertValid(entity('service_at_location.json'), s);
  });
});

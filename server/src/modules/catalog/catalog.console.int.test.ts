import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import * as repo from './catalog.repository.js';
import {
  buildApprovedService,
  buildProvider,
  CREMA,
  CREMONA,
  loginCitizen,
  loginMember,
} from '../../test/catalog-factories.js';

const env = await setupTestEnv();
const tomorrow = addDays(dateInRome(), 1);

async function setup(
  options: { capacity?: number; municipalProgram?: 'saap' | 'disabled_transport' | 'conciliazione' } = {},
) {
  const providerId = await buildProvider(env, { comuni: [CREMA, CREMONA] });
  const serviceId = await buildApprovedService(env, providerId, {
    comuni: [CREMA, CREMONA],
    ...(options.capacity ? { capacity: options.capacity, capacityPeriod: 'month' as const } : {}),
    ...(options.municipalProgram
      ? {
          isMunicipal: true,
          municipalProgram: options.municipalProgram,
          categoryId: 'saap',
          cappedPriceCents: 0,
          listPriceCents: 0,
        }
      : {}),
  });
  const provider = await loginMember(env, {
    role: 'fornitore',
    organizationId: providerId,
    scope: { type: 'all' },
  });
  return { providerId, serviceId, provider };
}

const book = (headers: Record<string, string>, payload: Record<string, unknown>, key?: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: key ? { ...headers, 'idempotency-key': key } : headers,
    payload,
  });

// Separate file from catalog.orders.int.test.ts: each app allows 30 logins a minute per address.
describe('assisted bookings and the provider console', () => {
  it('lets a welfare manager book for a citizen at their access point, with consent, recorded as assisted', async () => {
    const { serviceId } = await setup();
    const personId = await env.buildPerson({ comune: CREMONA });
    const manager = await loginMember(env, { role: 'welfare_manager' });
    const orgId = (
      await queryRows<{ id: string }>(
        env.database.db,
        sql`SELECT id FROM organizations ORDER BY name LIMIT 1`,
      )
    )[0]!.id;
    const accessPointId = await repo.insertAccessPoint(env.database.db, {
      name: `Sportello di prova ${Date.now()}`,
      organizationId: orgId,
      kind: 'public',
      comuneCode: CREMONA,
      neighbourhood: 'Centro',
      address: 'Via Dante 1',
      latitude: 45.136,
      longitude: 10.024,
      openingHours: [{ day: 1, from: '09:00', to: '12:00' }],
      phone: null,
      email: null,
    });
    const payload = { serviceId, quantity: 1, startDate: tomorrow, personId, accessPointId };
    const noConsent = await book(manager.headers, payload);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().error.code).toBe('CONSENT_REQUIRED');
    const notStaff = await book(manager.headers, { ...payload, consent: true });
    expect(notStaff.json().error.code).toBe('NOT_ACCESS_POINT_STAFF');
    const [user] = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT id FROM users WHERE email = ${manager.email}`,
    );
    await repo.addAccessPointStaff(env.database.db, accessPointId, user!.id);
    const booked = await book(manager.headers, { ...payload, consent: true });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ channel: 'assisted', accessPointId, personId });
    const [row] = await queryRows<{ assisted_by: string; consent_at: string | null }>(
      env.database.db,
      sql`SELECT assisted_by, consent_at FROM catalog_orders WHERE id = ${booked.json().id}`,
    );
    expect(row!.assisted_by).toBe(user!.id);
    expect(row!.consent_at).not.toBeNull();
    const cremasco = await loginMember(env, {
      role: 'welfare_manager',
      scope: { type: 'ambito', id: 'CREMA' },
    });
    expect((await book(cremasco.headers, { ...payload, consent: true })).statusCode).toBe(404);
  });

  it('produces the provider’s monthly statement per comune, with what each comune owes', async () => {
    const { serviceId, provider } = await setup();
    const citizen = await loginCitizen(env, CREMA);
    await book(citizen.headers, { serviceId, quantity: 2, startDate: tomorrow });
    const month = tomorrow.slice(0, 7);
    const statement = await env.app.inject({
      method: 'GET',
      url: `/api/provider/statement?month=${month}`,
      headers: provider.headers,
    });
    expect(statement.statusCode).toBe(200);
    expect(statement.json().rows).toEqual([
      {
        comuneCode: CREMA,
        comuneName: 'Crema',
        orders: 1,
        quantity: 2,
        paidByCitizensCents: 0,
        owedByComuneCents: 0,
      },
    ]);
    const csv = await env.app.inject({
      method: 'GET',
      url: `/api/provider/statement/export?month=${month}&format=csv`,
      headers: provider.headers,
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Crema;019035;1;2;0,00;0,00');
    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/provider/statement/export?month=${month}&format=xlsx`,
      headers: provider.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { CASSANO_DADDA_SAD } from './catalog.demo.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import * as repo from './catalog.repository.js';
import {
  CREMA,
  CREMONA,
  loginCitizen,
  loginMember,
  bookOrder,
  buildAccessPoint,
  buildBookableService,
  orderAction,
  recordIsee,
  setTariff,
  userIdOf,
  tomorrow as nextDay,
} from '../../test/catalog-factories.js';

const env = await setupTestEnv();
const tomorrow = nextDay();

// Separate file from catalog.orders.int.test.ts: each app allows 30 logins a minute per address.
describe('assisted bookings and the provider console', () => {
  it('lets a welfare manager book for a citizen at their access point, with consent, recorded as assisted', async () => {
    const { serviceId } = await buildBookableService(env);
    const personId = await env.buildPerson({ comune: CREMONA });
    const manager = await loginMember(env, { role: 'welfare_manager' });
    const accessPointId = await buildAccessPoint(env);
    const payload = { serviceId, quantity: 1, startDate: tomorrow, personId, accessPointId };
    const noConsent = await bookOrder(env, manager.headers, payload);
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().error.code).toBe('CONSENT_REQUIRED');
    const notStaff = await bookOrder(env, manager.headers, { ...payload, consent: true });
    expect(notStaff.json().error.code).toBe('NOT_ACCESS_POINT_STAFF');
    const managerId = await userIdOf(env, manager.email);
    await repo.addAccessPointStaff(env.database.db, accessPointId, managerId);
    const booked = await bookOrder(env, manager.headers, { ...payload, consent: true });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ channel: 'assisted', accessPointId, personId });
    const [row] = await queryRows<{ assisted_by: string; consent_at: string | null }>(
      env.database.db,
      sql`SELECT assisted_by, consent_at FROM catalog_orders WHERE id = ${booked.json().id}`,
    );
    expect(row!.assisted_by).toBe(managerId);
    expect(row!.consent_at).not.toBeNull();
    const cremasco = await loginMember(env, {
      role: 'welfare_manager',
      scope: { type: 'ambito', id: 'CREMA' },
    });
    expect((await bookOrder(env, cremasco.headers, { ...payload, consent: true })).statusCode).toBe(404);
  });

  it('produces the provider’s monthly statement per comune as JSON, CSV, XLSX and PDF, with what each comune owes', async () => {
    const { serviceId, provider } = await buildBookableService(env);
    // Crema's tariff: €3.00 a meal below an ISEE of €5,000; the capped price is €7.50.
    const rule = await setTariff(
      env,
      { scopeType: 'comune', scopeId: CREMA, serviceId },
      {
        ...CASSANO_DADDA_SAD,
        bands: [
          {
            ...CASSANO_DADDA_SAD.bands[0]!,
            toCents: null,
            toInclusive: false,
            price: { kind: 'fixed', cents: 300 },
          },
        ],
      },
    );
    expect(rule.statusCode).toBe(201);
    const citizen = await loginCitizen(env, CREMA);
    expect(
      (await recordIsee(env, citizen.personId, { valueCents: 400_000, ambito: 'CREMA' })).statusCode,
    ).toBe(201);
    const order = (
      await bookOrder(env, citizen.headers, { serviceId, quantity: 2, startDate: tomorrow })
    ).json();
    expect(order).toMatchObject({ unitPriceCents: 300, totalCents: 600, subsidyCents: 900 });
    expect((await orderAction(env, citizen.headers, order.id, 'payment')).statusCode).toBe(200);
    const unpaid = await loginCitizen(env, CREMONA);
    await bookOrder(env, unpaid.headers, { serviceId, quantity: 1, startDate: tomorrow });
    const month = tomorrow.slice(0, 7);
    const statement = await env.app.inject({
      method: 'GET',
      url: `/api/provider/statement?month=${month}`,
      headers: provider.headers,
    });
    expect(statement.statusCode).toBe(200);
    // Cremona's citizen has not paid yet and Cremona has no tariff: nothing paid, nothing owed.
    expect(statement.json().rows).toEqual([
      {
        comuneCode: CREMA,
        comuneName: 'Crema',
        orders: 1,
        quantity: 2,
        paidByCitizensCents: 600,
        owedByComuneCents: 900,
      },
      {
        comuneCode: CREMONA,
        comuneName: 'Cremona',
        orders: 1,
        quantity: 1,
        paidByCitizensCents: 0,
        owedByComuneCents: 0,
      },
    ]);
    const exported = (format: string) =>
      env.app.inject({
        method: 'GET',
        url: `/api/provider/statement/export?month=${month}&format=${format}`,
        headers: provider.headers,
      });
    const csv = await exported('csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('Crema;019035;1;2;6,00;9,00');
    const xlsx = await exported('xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(3).values).toEqual([undefined, 'Crema', CREMA, 1, 2, 6, 9]);
    const pdf = await exported('pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="rendiconto-${month}.pdf"`);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Crema');
    // WinAnsi's euro sign is byte 0x80, which pdfText reads as latin1.
    expect(text).toContain('\u0080 6,00');
    expect(text).toContain('\u0080 9,00');
    expect(text).toMatch(/Totale/);
  });

  it('refuses the statement to a citizen and to a provider account without its organisation', async () => {
    const citizen = await loginCitizen(env, CREMA);
    const refused = await env.app.inject({
      method: 'GET',
      url: '/api/provider/statement/export?month=2026-12&format=pdf',
      headers: citizen.headers,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await env.app.inject({
      method: 'GET',
      url: '/api/provider/statement/export?month=2026-13&format=pdf',
      headers: citizen.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});

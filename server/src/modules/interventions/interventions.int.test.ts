import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

const update = {
  nameIt: 'Tablet per gli alunni (modificato)',
  nameEn: 'Tablets for pupils (changed)',
  requiresCar: false,
  requiresTimeWindow: false,
  healthRisk: false,
  defaultServiceMinutes: 20,
  defaultLoad: 1,
  recurringAllowed: false,
};

const nameOf = async (id: string) =>
  (
    await queryRows<{ name_it: string }>(
      env.database.db,
      sql`SELECT name_it FROM intervention_types WHERE id = ${id}`,
    )
  )[0]?.name_it;

describe('intervention types: one catalogue for the whole province', () => {
  it('refuses a district administrator a change to a province-wide type, which stays as it was', async () => {
    const before = await nameOf('tablets_pupils');
    const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
    const response = await env.app.inject({
      method: 'PUT',
      url: '/api/intervention-types/tablets_pupils',
      headers: admin.headers,
      payload: update,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('PROVINCE_WIDE_SETTING');
    expect(await nameOf('tablets_pupils')).toBe(before);
  });

  it('refuses a district administrator a new type', async () => {
    const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/intervention-types',
      headers: admin.headers,
      payload: { id: 'nuovo_tipo', ...update },
    });
    expect(response.statusCode).toBe(403);
    expect(await nameOf('nuovo_tipo')).toBeUndefined();
  });

  it('lets a province-wide administrator change it', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const response = await env.app.inject({
      method: 'PUT',
      url: '/api/intervention-types/tablets_pupils',
      headers: admin.headers,
      payload: update,
    });
    expect(response.statusCode).toBe(200);
    expect(await nameOf('tablets_pupils')).toBe(update.nameIt);
  });
});

describe('the help a citizen may ask for', () => {
  const offeredOnline = async () =>
    (await env.app.inject({ method: 'GET', url: '/api/intervention-types?offeredOn=web' })).json<
      { id: string; citizenNameIt: string; citizenDescriptionIt: string }[]
    >();

  it('keeps all nine types in the protocol, offers online only the current ones, with plain names', async () => {
    const all = (await env.app.inject({ method: 'GET', url: '/api/intervention-types' })).json();
    expect(all).toHaveLength(9);
    const online = await offeredOnline();
    expect(online.map((x) => x.id)).toEqual([
      'groceries_medicines',
      'home_meals',
      'food_parcels',
      'shopping_vouchers',
      'hospital_transport',
    ]);
    expect(online[0]).toMatchObject({ citizenNameIt: 'Spesa e farmaci a casa' });
    expect(online.every((x) => x.citizenDescriptionIt.length > 20)).toBe(true);
  });

  it('offers a type only within its period and channels, and refuses a reversed period', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const put = (payload: object) =>
      env.app.inject({
        method: 'PUT',
        url: '/api/intervention-types/home_meals',
        headers: admin.headers,
        payload: { ...update, nameIt: 'Pasti a domicilio', nameEn: 'Home meals', ...payload },
      });
    expect((await put({ activeFrom: '2020-03-01', activeUntil: '2020-06-30' })).statusCode).toBe(200);
    expect((await offeredOnline()).map((x) => x.id)).not.toContain('home_meals');
    const reversed = await put({ activeFrom: '2030-01-01', activeUntil: '2029-01-01' });
    expect(reversed.statusCode).toBe(422);
    expect(reversed.json().error.details.field).toBe('activeUntil');
    expect((await put({ activeFrom: null, activeUntil: null, channels: ['phone'] })).statusCode).toBe(200);
    expect((await offeredOnline()).map((x) => x.id)).not.toContain('home_meals');
    const offeredByPhone = (
      await env.app.inject({ method: 'GET', url: '/api/intervention-types?offeredOn=phone' })
    ).json();
    expect(offeredByPhone.map((x: { id: string }) => x.id)).toContain('home_meals');

    // A citizen cannot ask online for what is not offered online; nothing is saved.
    const personId = await env.buildPerson();
    const user = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: '019036' } });
    await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${user.id}`);
    const session = await env.login(user.email);
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/requests/online',
      headers: session.headers,
      payload: {
        interventionTypeId: 'home_meals',
        description: 'Non riesco a cucinare',
        consentPrivacy: true,
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('INTERVENTION_TYPE_INACTIVE');
    const [saved] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM help_requests WHERE beneficiary_id = ${personId}`,
    );
    expect(saved!.n).toBe(0);
    expect((await put({ channels: ['phone', 'web', 'access_point', 'social_worker'] })).statusCode).toBe(200);
  });
});

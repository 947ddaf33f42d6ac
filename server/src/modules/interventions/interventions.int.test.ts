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

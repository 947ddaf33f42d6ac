import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

describe('organisations over HTTP', () => {
  it('lets an administrator register an association and shows it in its district only', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: admin.headers,
      payload: { name: 'AUSER Crema', kind: 'association', ambitoId: 'CREMA', comuneCode: null },
    });
    expect(created.statusCode).toBe(201);
    const cremasco = await env.loginAs('coordinatore', { type: 'ambito', id: 'CREMA' });
    const cremonese = await env.loginAs('coordinatore', { type: 'ambito', id: 'CREMONA' });
    const names = async (headers: Record<string, string>) =>
      (await env.app.inject({ method: 'GET', url: '/api/organizations', headers }))
        .json()
        .map((o: { name: string }) => o.name);
    expect(await names(cremasco.headers)).toContain('AUSER Crema');
    expect(await names(cremonese.headers)).not.toContain('AUSER Crema');
    expect(
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/organizations/${created.json().id}`,
          headers: cremonese.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('refuses registration to a coordinator', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: coordinator.headers,
      payload: { name: 'Nuova APS', kind: 'association', ambitoId: 'CREMONA', comuneCode: null },
    });
    expect(response.statusCode).toBe(403);
  });
});

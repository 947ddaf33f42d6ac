import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

describe('territory over HTTP', () => {
  it('lists the 113 real comuni of the province with their ISTAT population', async () => {
    const comuni = (await env.app.inject({ method: 'GET', url: '/api/comuni' })).json();
    expect(comuni).toHaveLength(113);
    // ISTAT resident population on 1 January 2021 (shared/data/README.md).
    expect(comuni.reduce((sum: number, c: { population: number }) => sum + c.population, 0)).toBe(351_698);
  });

  it('groups the comuni into the three districts', async () => {
    const ambiti = (await env.app.inject({ method: 'GET', url: '/api/ambiti' })).json();
    expect(ambiti.map((a: { id: string; comuniCount: number }) => [a.id, a.comuniCount])).toEqual([
      ['CASALMAGGIORE', 18],
      ['CREMA', 48],
      ['CREMONA', 47],
    ]);
  });

  it('lets an administrator move a comune into a new sub-ambito', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const sub = await env.app.inject({
      method: 'POST',
      url: '/api/sub-ambiti',
      headers: admin.headers,
      payload: { ambitoId: 'CREMA', name: 'Sub-ambito Nord' },
    });
    expect(sub.statusCode).toBe(201);
    const moved = await env.app.inject({
      method: 'PATCH',
      url: '/api/comuni/019002',
      headers: admin.headers,
      payload: { subAmbitoId: sub.json().id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      istatCode: '019002',
      ambitoId: 'CREMA',
      subAmbitoId: sub.json().id,
    });
  });

  it('refuses a sub-ambito of another Ambito', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const sub = await env.app.inject({
      method: 'POST',
      url: '/api/sub-ambiti',
      headers: admin.headers,
      payload: { ambitoId: 'CREMONA', name: 'Zona Est' },
    });
    const response = await env.app.inject({
      method: 'PATCH',
      url: '/api/comuni/019002',
      headers: admin.headers,
      payload: { subAmbitoId: sub.json().id },
    });
    expect(response.statusCode).toBe(422);
  });

  it('refuses re-assignment to an operator and to a district administrator pulling a comune out', async () => {
    const operator = await env.loginAs('operatore');
    expect(
      (
        await env.app.inject({
          method: 'PATCH',
          url: '/api/comuni/019036',
          headers: operator.headers,
          payload: { ambitoId: 'CREMA' },
        })
      ).statusCode,
    ).toBe(403);
    const districtAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    const response = await env.app.inject({
      method: 'PATCH',
      url: '/api/comuni/019036',
      headers: districtAdmin.headers,
      payload: { ambitoId: 'CREMA' },
    });
    expect(response.statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/comuni/019036' })).json().ambitoId).toBe(
      'CREMONA',
    );
  });
});

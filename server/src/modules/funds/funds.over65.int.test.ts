import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { setupTestEnv } from '../../test/harness.js';
import { importPopulationByAge } from '../territory/territory.service.js';

const env = await setupTestEnv();
const FIXTURE = readFileSync(new URL('../territory/fixtures/popolazione-eta-prova.csv', import.meta.url));

async function preview(territory: unknown) {
  const admin = await env.loginAs('amministratore', { type: 'all' });
  return env.app.inject({
    method: 'POST',
    url: '/api/allocations/preview',
    headers: admin.headers,
    payload: { totalCents: 1_000_000, territory, method: 'over65', bySubAmbito: false },
  });
}

describe('allocation by residents aged 65 and over', () => {
  it('stores the imported figure per comune and reports the file’s comuni outside the province', async () => {
    const result = await importPopulationByAge(systemContext(env.database), FIXTURE);
    expect(result).toEqual({ asOf: '2024-01-01', updated: 47, unknown: ['098001'] });
    const crema = (await env.app.inject({ method: 'GET', url: '/api/comuni/019035' })).json();
    expect(crema).toMatchObject({ populationOver65: 1027, populationByAgeOn: '2024-01-01' });
  });

  it('splits by the imported figures when every comune has one', async () => {
    // Agnadello 116 and Bagnolo Cremasco 146 residents aged 65 and over in the fixture.
    const response = await preview({ comuneCodes: ['019002', '019005'] });
    expect(response.statusCode).toBe(200);
    const shares = response.json().shares as { comuneCode: string; weight: number; amountCents: number }[];
    expect(shares.map((s) => [s.comuneCode, s.weight, s.amountCents]).sort()).toEqual([
      ['019002', 116, 442_748],
      ['019005', 146, 557_252],
    ]);
  });

  it('refuses with 422 naming the comuni that lack the figure, saving nothing', async () => {
    // The fixture leaves out Vailate.
    const response = await preview('CREMA');
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'OVER65_DATA_UNAVAILABLE',
      details: { field: 'method', comuni: ['Vailate'] },
    });
    expect(response.json().error.message).toContain('Vailate');
  });
});

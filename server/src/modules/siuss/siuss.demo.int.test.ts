import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { seedDemo } from '../demo/demo.seed.js';
import { dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import { validateFlows } from './siuss.xml.js';

const env = await setupTestEnv({ jobs: false });
await seedDemo(systemContext(env.database));

describe('the SIUSS demo', () => {
  it('exports the demo year’s rent-fund contributions of the Ambito Cremonese as valid flows, and reports the unmapped', async () => {
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'amministratore@demo.legami.it', password: 'legami-demo' },
    });
    const cookie = login.cookies.find((c) => c.name === 'legami_session')!;
    const year = dateInRome().slice(0, 4);
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/siuss/export?from=${year}-01-01&to=${year}-12-31`,
      headers: { cookie: `legami_session=${cookie.value}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      files: { fileName: string; xml: string }[];
      report: { valid: boolean; exported: number; problems: { code: string }[] };
    }>();
    expect(body.report.valid).toBe(true);
    expect(body.report.exported).toBeGreaterThan(0);
    expect(body.files.every((f) => f.xml.includes('CodicePrestazione="A2.16"'))).toBe(true);
    expect(await validateFlows(body.files.map((f) => ({ fileName: f.fileName, xml: f.xml })))).toEqual([]);
    expect(body.report.problems.map((p) => p.code)).toContain('UNMAPPED_PRESTAZIONE');
  });
});

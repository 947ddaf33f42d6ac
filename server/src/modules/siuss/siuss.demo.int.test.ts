import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { seedDemo } from '../demo/demo.seed.js';
import { dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import { validateFlows } from './siuss.xml.js';

const env = await setupTestEnv({ jobs: false });
await seedDemo(systemContext(env.database));

describe('the SIUSS demo', () => {
  it('exports the demo year’s rent-fund contributions and two pupils’ school transport (SINBA) as valid flows, and reports the unmapped', async () => {
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
    const sinba = body.files.filter((f) => f.fileName.includes('.SINBA.'));
    const ps = body.files.filter((f) => f.fileName.includes('.PS.'));
    expect(ps.length + sinba.length).toBe(body.files.length);
    expect(ps.every((f) => f.xml.includes('CodicePrestazione="A2.16"'))).toBe(true);
    expect(await validateFlows(ps, 'PS_PSA_SINA')).toEqual([]);
    // The two disabled pupils of Cremona: their school transport (A1.16) with their assessment.
    expect(sinba).toHaveLength(1);
    expect(sinba[0]!.xml.match(/<SINBA /g)).toHaveLength(2);
    expect(sinba[0]!.xml.match(/<CodicePrestazione>A1\.16<\/CodicePrestazione>/g)).toHaveLength(2);
    expect(await validateFlows(sinba, 'SINBA')).toEqual([]);
    expect(body.report.problems.map((p) => p.code)).toContain('UNMAPPED_PRESTAZIONE');
  });
});

import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/database.js';
import { CREMA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

describe('audit trail', () => {
  it('shows an auditor who read which person', async () => {
    const operator = await env.loginAs('operatore');
    const id = await env.buildPerson();
    await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: operator.headers });
    const auditor = await env.loginAs('revisore', { type: 'all' });
    const page = await env.app.inject({
      method: 'GET',
      url: `/api/audit?entityType=person&entityId=${id}`,
      headers: auditor.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({
        action: 'person.read',
        actorUserId: operator.userId,
        actorRoles: ['operatore'],
      }),
    ]);
  });

  it('shows a district auditor only the events of its district', async () => {
    const operator = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const id = await env.buildPerson({ comune: CREMA });
    await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: operator.headers });
    const cremonese = await env.loginAs('revisore', { type: 'ambito', id: 'CREMONA' });
    const page = await env.app.inject({
      method: 'GET',
      url: `/api/audit?entityId=${id}`,
      headers: cremonese.headers,
    });
    expect(page.json().total).toBe(0);
  });

  it('is closed to every role but the auditor', async () => {
    const operator = await env.loginAs('operatore');
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/audit', headers: operator.headers })).statusCode,
    ).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
  });

  it('cannot be edited or deleted, not even by the table owner', async () => {
    await expect(env.database.db.execute(sql`UPDATE audit_events SET action = 'x'`)).rejects.toThrow();
    await expect(env.database.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
  });
});

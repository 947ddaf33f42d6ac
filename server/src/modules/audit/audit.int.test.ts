import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
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

  it('finds a user’s events by their name, and shows the roles of a login', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    await env.login(user.email);
    const [row] = await queryRows<{ full_name: string }>(
      env.database.db,
      sql`SELECT full_name FROM users WHERE id = ${user.id}`,
    );
    const auditor = await env.loginAs('revisore', { type: 'all' });
    const page = await env.app.inject({
      method: 'GET',
      url: `/api/audit?action=user.login&actor=${encodeURIComponent(row!.full_name)}`,
      headers: auditor.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({
        actorUserId: user.id,
        actorName: row!.full_name,
        actorEmail: user.email,
        actorRoles: ['operatore'],
      }),
    ]);
  });

  it('refuses a date range that ends before it starts, naming the field', async () => {
    const auditor = await env.loginAs('revisore', { type: 'all' });
    const page = await env.app.inject({
      method: 'GET',
      url: '/api/audit?from=2030-01-01&to=2020-01-01',
      headers: auditor.headers,
    });
    expect(page.statusCode).toBe(422);
    expect(page.json().error).toMatchObject({ code: 'AUDIT_RANGE_REVERSED', details: { field: 'to' } });
  });

  it('exports the search as CSV for Excel, the operations named in the reader’s language', async () => {
    const operator = await env.loginAs('operatore');
    const id = await env.buildPerson();
    await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: operator.headers });
    const auditor = await env.loginAs('revisore', { type: 'all' });
    const it = await env.app.inject({
      method: 'GET',
      url: `/api/audit/export.csv?entityId=${id}`,
      headers: auditor.headers,
    });
    expect(it.statusCode).toBe(200);
    expect(it.headers['content-type']).toMatch(/^text\/csv/);
    expect(it.body.startsWith('\uFEFFData e ora (UTC);Utente;Email;Ruoli;Operazione;')).toBe(true);
    const line = it.body.split('\r\n')[1]!.split(';');
    expect(line).toContain('Lettura scheda persona');
    expect(line).toContain('Persona');
    expect(line).toContain(id);
    const en = await env.app.inject({
      method: 'GET',
      url: `/api/audit/export.csv?entityId=${id}&lang=en`,
      headers: auditor.headers,
    });
    expect(en.body.split('\r\n')[1]!.split(';')).toContain('Person record read');
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: operator.headers }))
        .statusCode,
    ).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/audit/export.csv' })).statusCode).toBe(401);
  });
});

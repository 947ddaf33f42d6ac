import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMONA, setupTestEnv, TEST_PASSWORD } from '../../test/harness.js';

const env = await setupTestEnv();

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('accounts over HTTP', () => {
  it('logs in with an httpOnly SameSite cookie and tells the web app who is there', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    const response = await login(user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'legami_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await env.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `legami_session=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({ email: user.email, roles: ['operatore'] });
    expect(me.json().capabilities).toContain('person.read');
  });

  it('answers 401 to /me without a session', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password with an Italian message', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    const response = await login(user.email, 'sbagliata');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Email o password non corretti.');
  });

  it('locks an account after five failures, even for the right password', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'sbagliata')).statusCode).toBe(401);
    const locked = await login(user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
  });

  it('counts logins per address and account: one account is turned away after 30 a minute, another at the same address is not', async () => {
    const busy = await env.buildUser({ role: 'operatore' });
    const colleague = await env.buildUser({ role: 'operatore' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await login(busy.email, TEST_PASSWORD)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await login(colleague.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    const response = await login(user.email, TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const session = await env.loginAs('operatore');
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers }))
        .statusCode,
    ).toBe(204);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it('lets an administrator create a user who must change the temporary password', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'Nuova.Operatrice@Test.Legami.it',
        fullName: 'Nuova Operatrice',
        memberships: [{ organizationId: null, role: 'operatore', scopeType: 'comune', scopeId: CREMONA }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { user, temporaryPassword } = created.json();
    expect(user).toMatchObject({ email: 'nuova.operatrice@test.legami.it', mustChangePassword: true });
    const session = await env.login('nuova.operatrice@test.legami.it', temporaryPassword);
    const audit = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${user.id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.login']);
    const changed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: temporaryPassword, newPassword: 'una-password-nuova' },
    });
    expect(changed.statusCode).toBe(204);
  });

  it('ends the other sessions, and only those, when a user changes the password', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    const elsewhere = await env.login(user.email);
    const here = await env.login(user.email);
    const changed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'una-password-nuova-2' },
    });
    expect(changed.statusCode).toBe(204);
    const me = (headers: Record<string, string>) =>
      env.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me(elsewhere.headers)).statusCode).toBe(401);
    expect((await me(here.headers)).statusCode).toBe(200);
    const audit = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${user.id} AND action = 'user.password_change'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses user management to an operator', async () => {
    const operator = await env.loginAs('operatore');
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/users', headers: operator.headers })).statusCode,
    ).toBe(403);
  });

  it('stops a district administrator from granting another district', async () => {
    const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email: 'altro@test.legami.it',
        fullName: 'Altro Distretto',
        memberships: [{ organizationId: null, role: 'operatore', scopeType: 'ambito', scopeId: 'CREMA' }],
      },
    });
    expect(response.statusCode).toBe(422);
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM users WHERE email = 'altro@test.legami.it'`,
    );
    expect(row!.n).toBe(0);
  });

  describe('memberships in an organisation', () => {
    const organization = async (name: string, ambito: string | null) => {
      const [row] = await queryRows<{ id: string }>(
        env.database.db,
        sql`INSERT INTO organizations (name, kind, ambito_id) VALUES (${name}, 'association', ${ambito}) RETURNING id`,
      );
      return row!.id;
    };
    const createCoordinator = (headers: Record<string, string>, email: string, organizationId: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/users',
        headers,
        payload: {
          email,
          fullName: 'Coordinatrice Prova',
          memberships: [{ organizationId, role: 'coordinatore', scopeType: 'ambito', scopeId: 'CREMA' }],
        },
      });
    const usersWith = async (email: string) =>
      (
        await queryRows<{ n: number }>(
          env.database.db,
          sql`SELECT count(*)::int AS n FROM users WHERE email = ${email}`,
        )
      )[0]!.n;

    it('refuses a district administrator a role in another district’s organisation, saving nothing', async () => {
      const cremona = await organization(`AUSER Cremona ${Date.now()}`, 'CREMONA');
      const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
      const response = await createCoordinator(admin.headers, 'intrusa@test.legami.it', cremona);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.code).toBe('INVALID_MEMBERSHIP');
      expect(await usersWith('intrusa@test.legami.it')).toBe(0);
    });

    it('answers 422, not 500, for an unknown organisation', async () => {
      const admin = await env.loginAs('amministratore', { type: 'all' });
      const response = await createCoordinator(
        admin.headers,
        'ignota@test.legami.it',
        '00000000-0000-4000-8000-000000000000',
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().error.message).toBe('Organizzazione sconosciuta.');
      expect(await usersWith('ignota@test.legami.it')).toBe(0);
    });

    it('lets a district administrator grant a role in an organisation of the district', async () => {
      const crema = await organization(`AUSER Crema ${Date.now()}`, 'CREMA');
      const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
      const response = await createCoordinator(admin.headers, 'coordinatrice.crema@test.legami.it', crema);
      expect(response.statusCode).toBe(201);
      expect(response.json().user.memberships[0]).toMatchObject({
        organizationId: crema,
        role: 'coordinatore',
      });
    });
  });

  it('resets a password, closing the old sessions', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const user = await env.buildUser({ role: 'volontario' });
    const old = await env.login(user.email);
    const reset = await env.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin.headers,
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: old.headers })).statusCode,
    ).toBe(401);
    await env.login(user.email, reset.json().temporaryPassword);
  });
});

describe('demo accounts in production', async () => {
  const prod = await setupTestEnv({ production: true });
  // The whole demo seed runs here; with the goods and vouchers demo it takes about 40 s on a loaded machine.
  it('are refused', async () => {
    const { seedDemo } = await import('../demo/demo.seed.js');
    const { systemContext } = await import('../../platform/context.js');
    await seedDemo(systemContext(prod.database), { people: 2 });
    const response = await prod.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'operatore@demo.legami.it', password: 'legami-demo' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('DEMO_ACCOUNT_DISABLED');
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../db/database.js';
import { setupTestEnv, TEST_PASSWORD } from '../../test/harness.js';

// The default installation: no proxy trusted, development headers.
const env = await setupTestEnv();

// Its own installation for the address block, which the spoofing test uses up.
const spoofEnv = await setupTestEnv();

// A production installation behind a proxy at 127.0.0.1 (the address app.inject comes from),
// whose log lines the tests read.
const logLines: string[] = [];
const prod = await setupTestEnv(
  { production: true, mapTilesUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' },
  { trustProxy: ['127.0.0.1'], logStream: { write: (line) => logLines.push(line) } },
);

// A route whose query fails with personal data in its parameters (added before the app is ready).
prod.app.get('/api/health/failing-query-for-test', async () => {
  // (A missing table, not a bad cast: a 22P02 from input is a 400 now, see platform/http/errors.ts.)
  await queryRows(
    prod.database.db,
    sql`SELECT ${'Bonaventura'}::text AS n, ${'333 1234567'} AS phone FROM no_such_table_for_test`,
  );
  return {};
});

const loginFrom = (target: typeof env, forwardedFor: string, email: string, password = 'sbagliata') =>
  target.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('client address', () => {
  it('ignores X-Forwarded-For without TRUST_PROXY: 35 spoofed addresses still hit the address block', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await loginFrom(spoofEnv, `203.0.113.${i + 1}`, `spoof${i}@test.legami.it`)).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const addresses = await queryRows<{ ip: string }>(
      spoofEnv.database.db,
      sql`SELECT DISTINCT ip FROM login_attempts WHERE email LIKE 'spoof%'`,
    );
    expect(addresses.map((a) => a.ip)).toEqual(['127.0.0.1']);
    const audited = await queryRows<{ ip: string }>(
      spoofEnv.database.db,
      sql`SELECT DISTINCT ip FROM audit_events WHERE action = 'user.login_failed'`,
    );
    expect(audited.map((a) => a.ip)).toEqual(['127.0.0.1']);
  });

  it('believes X-Forwarded-For from a configured proxy, and audits the client behind it', async () => {
    const user = await prod.buildUser({ role: 'operatore' });
    expect((await loginFrom(prod, '198.51.100.7', user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const [row] = await queryRows<{ ip: string }>(
      prod.database.db,
      sql`SELECT ip FROM audit_events WHERE action = 'user.login' AND entity_id = ${user.id}`,
    );
    expect(row?.ip).toBe('198.51.100.7');
  });
});

describe('login Origin check', () => {
  for (const origin of ['null', 'not a url', 'http://']) {
    it(`answers 403, not 500, to Origin "${origin}"`, async () => {
      const user = await env.buildUser({ role: 'operatore' });
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
        headers: { origin },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('CROSS_ORIGIN');
      expect(response.cookies.find((c) => c.name === 'legami_session')).toBeUndefined();
    });
  }

  it('lets in a login from the site itself', async () => {
    const user = await env.buildUser({ role: 'operatore' });
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends CSP without inline script, frame-ancestors, nosniff and a referrer policy, and no HSTS outside production', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS in production, on errors too', async () => {
    const response = await prod.app.inject({ method: 'GET', url: '/api/nulla' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    // The street tiles of MAP_TILES_URL may load; nothing else from outside.
    expect(response.headers['content-security-policy']).toMatch(
      /img-src 'self' data: blob: https:\/\/\*\.tiles\.example\.org;/,
    );
  });
});

describe('logs', () => {
  it('never carry a failed query’s parameters nor a query string', async () => {
    const admin = await prod.buildUser({ role: 'amministratore', scope: { type: 'all' } });
    const session = await prod.login(admin.email);
    // A search by name: the query string is personal data.
    await prod.app.inject({ method: 'GET', url: '/api/people?q=Zanardelli', headers: session.headers });
    // A 500 from a query whose parameters hold a name and a phone number.
    const failing = await prod.app.inject({
      method: 'GET',
      url: '/api/health/failing-query-for-test',
      headers: session.headers,
    });
    expect(failing.statusCode).toBe(500);
    const log = logLines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('42P01'); // the SQLSTATE is kept, for whoever reads the log
    expect(log).not.toContain('Bonaventura');
    expect(log).not.toContain('333 1234567');
    expect(log).not.toContain('Zanardelli');
  });
});

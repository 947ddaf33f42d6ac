import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();
const admin = await env.loginAs('amministratore', { type: 'all' });
const operator = await env.loginAs('operatore');

const newPerson = {
  codiceFiscale: null,
  givenName: 'Giulia',
  familyName: 'Ingresso',
  birthDate: '1948-03-02',
  sex: 'F',
  comuneCode: CREMONA,
};

async function countPeople(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM people`);
  return row!.n;
}

const postRaw = (url: string, body: string, headers: Record<string, string> = operator.headers) =>
  env.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: body,
  });

describe('text in requests', () => {
  it('refuses a NUL byte in a body field, naming the field, and saves nothing', async () => {
    const before = await countPeople();
    const response = await postRaw(
      '/api/people',
      JSON.stringify({ ...newPerson, address: 'Via a\u0000b 1' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Il campo «indirizzo» contiene caratteri non ammessi.',
      details: { fields: [{ field: 'address', rule: 'characters' }] },
    });
    expect(await countPeople()).toBe(before);
  });

  it('refuses a lone surrogate in a name and a NUL byte in a query string', async () => {
    const surrogate = await postRaw('/api/people', JSON.stringify({ ...newPerson, givenName: '\ud800x' }));
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.details.fields[0].field).toBe('givenName');
    const query = await env.app.inject({
      method: 'GET',
      url: '/api/people?q=%00',
      headers: operator.headers,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('trims names and refuses blank required text instead of storing ""', async () => {
    const blank = await postRaw('/api/people', JSON.stringify({ ...newPerson, givenName: '   ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toContain('«nome»');
    const trimmed = await postRaw(
      '/api/people',
      JSON.stringify({ ...newPerson, givenName: '  Giulia ', familyName: ' Spazi  ' }),
    );
    expect(trimmed.statusCode).toBe(201);
    const [row] = await queryRows<{ given_name: string; family_name: string }>(
      env.database.db,
      sql`SELECT given_name, family_name FROM people WHERE id = ${trimmed.json().id}`,
    );
    expect(row).toEqual({ given_name: 'Giulia', family_name: 'Spazi' });
  });

  it('does not turn a number or an array into a name', async () => {
    const before = await countPeople();
    for (const givenName of [12345, ['Giulia']]) {
      const response = await postRaw('/api/people', JSON.stringify({ ...newPerson, givenName }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.fields[0]).toMatchObject({ field: 'givenName', rule: 'type' });
    }
    expect(await countPeople()).toBe(before);
  });
});

describe('numbers in requests', () => {
  it('refuses "Infinity", "1e999" and 1e999 as a latitude, and stores nothing', async () => {
    const before = await countPeople();
    for (const latitude of ['"Infinity"', '"1e999"', '1e999']) {
      const body = JSON.stringify({ ...newPerson, latitude: 0 }).replace(
        '"latitude":0',
        `"latitude":${latitude}`,
      );
      const response = await postRaw('/api/people', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await countPeople()).toBe(before);
  });

  it('refuses maxTasksPerDay "Infinity" on the public offer form', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        givenName: 'Sara',
        familyName: 'Infinita',
        phone: '333 111 2222',
        comuneCode: CREMONA,
        availability: [{ day: 1, from: '09:00', to: '12:00' }],
        consentPrivacy: true,
        maxTasksPerDay: 'Infinity',
      }),
    });
    expect(response.statusCode).toBe(400);
  });

  it('refuses limit=Infinity, offset=1e20 and offset past PostgreSQL integers on a list', async () => {
    for (const query of ['limit=Infinity', 'limit=1e999', 'offset=1e20', 'offset=2147483648']) {
      const response = await env.app.inject({
        method: 'GET',
        url: `/api/people?${query}`,
        headers: operator.headers,
      });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const fine = await env.app.inject({
      method: 'GET',
      url: '/api/people?limit=5&offset=0',
      headers: operator.headers,
    });
    expect(fine.statusCode).toBe(200);
  });

  it('refuses a version past PostgreSQL integers and leaves the person unchanged', async () => {
    const id = await env.buildPerson();
    const response = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: operator.headers,
      payload: { ...newPerson, version: 2147483648 },
    });
    expect(response.statusCode).toBe(400);
    const [row] = await queryRows<{ version: number; given_name: string }>(
      env.database.db,
      sql`SELECT version, given_name FROM people WHERE id = ${id}`,
    );
    expect(row).toEqual({ version: 1, given_name: 'Carla' });
  });
});

describe('database constraints', () => {
  it('answers 422 for a membership in an unknown or nil organisation, and creates no user', async () => {
    const email = 'membro.ignoto@test.legami.it';
    for (const organizationId of [
      '00000000-0000-0000-0000-000000000000',
      '7d1e0f4e-3b7c-4c55-9d6e-0a4c2b9e1f11',
    ]) {
      const response = await env.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: {
          email,
          fullName: 'Membro Ignoto',
          memberships: [{ organizationId, role: 'coordinatore', scopeType: 'ambito', scopeId: 'CREMONA' }],
        },
      });
      expect(response.statusCode).toBe(422);
      // The accounts module checks the organisation first (INVALID_MEMBERSHIP); the foreign key
      // behind it would answer REFERENCE_NOT_FOUND, also a 422.
      expect(['INVALID_MEMBERSHIP', 'REFERENCE_NOT_FOUND']).toContain(response.json().error.code);
    }
    const users = await queryRows(env.database.db, sql`SELECT 1 FROM users WHERE email = ${email}`);
    expect(users).toEqual([]);
  });
});

describe('authentication before validation', () => {
  it('answers an anonymous malformed request to a protected route with 401', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/people', '{"givenName":'],
      ['POST', '/api/households', '{"address":"Via a\\u0000b 1"}'],
      ['GET', '/api/people?limit=Infinity', undefined],
      ['PUT', '/api/people/not-a-uuid', '[]'],
    ] as const) {
      const response = await env.app.inject({
        method,
        url,
        payload,
        headers: payload ? { 'content-type': 'application/json' } : {},
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('still validates the public routes for anonymous callers', async () => {
    const response = await postRaw('/api/auth/login', '{"email":"x"}', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('framework errors', () => {
  it('come in the one error shape: malformed JSON, wrong media type, bad path encoding, long path', async () => {
    const cases = [
      await postRaw('/api/people', '{"givenName":'),
      await env.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { ...operator.headers, 'content-type': 'application/xml' },
        payload: '<person/>',
      }),
      await env.app.inject({ method: 'GET', url: '/api/people/%ED%A0%80', headers: operator.headers }),
      await env.app.inject({
        method: 'GET',
        url: `/api/people/${'x'.repeat(3000)}`,
        headers: operator.headers,
      }),
    ];
    expect(cases.map((r) => r.statusCode)).toEqual([400, 415, 400, 414]);
    for (const response of cases) {
      expect(Object.keys(response.json())).toEqual(['error']);
      expect(response.json().error).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect(cases[0]!.json().error.message).toBe('Il corpo della richiesta non è JSON valido.');
  });

  it('answers headers too large with 431 in the one shape, from the HTTP parser', async () => {
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = createConnection({ port: Number(port), host: '127.0.0.1' });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
      socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({
      error: { code: 'HPE_HEADER_OVERFLOW', message: 'Le intestazioni della richiesta sono troppo grandi.' },
    });
  });
});

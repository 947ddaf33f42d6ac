import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';

// A stand-in for a Nominatim server: one known address, one that fails, the rest not found.
const BONEMERSE = '019006';
const asked: URLSearchParams[] = [];
const stub = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stub');
  asked.push(url.searchParams);
  const street = url.searchParams.get('street');
  res.setHeader('content-type', 'application/json');
  if (url.pathname !== '/search') res.writeHead(404).end('[]');
  else if (street === 'Via Garibaldi 84' && url.searchParams.get('city') === 'Bonemerse')
    res.end(
      JSON.stringify([{ lat: '45.1131', lon: '10.0772', display_name: 'Via Garibaldi 84, Bonemerse' }]),
    );
  else if (street === 'Via del Guasto 1') res.writeHead(500).end('{}');
  else res.end('[]');
});
await new Promise<void>((done) => stub.listen(0, '127.0.0.1', done));
afterAll(() => new Promise<void>((done) => stub.close(() => done())));

const env = await setupTestEnv({
  geocoderUrl: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/`,
});

const person = (address: string, familyName: string) => ({
  codiceFiscale: null,
  givenName: 'Teresa',
  familyName,
  birthDate: '1941-03-14',
  sex: 'F',
  comuneCode: BONEMERSE,
  address,
  phone: '0372 123456',
});

async function storedPoint(id: string) {
  const [row] = await queryRows<{ latitude: number | null; longitude: number | null }>(
    env.database.db,
    sql`SELECT latitude, longitude FROM people WHERE id = ${id}`,
  );
  return row;
}

describe('geocoding of addresses (GEOCODER_URL)', () => {
  it('stores the point the geocoder gives for the street in its comune, sending no name', async () => {
    const operator = await env.loginAs('operatore');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: person('Via Garibaldi 84', 'Geocodificata'),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ latitude: 45.1131, longitude: 10.0772 });
    expect(await storedPoint(created.json().id)).toEqual({ latitude: 45.1131, longitude: 10.0772 });
    const query = asked.find((q) => q.get('street') === 'Via Garibaldi 84')!;
    expect(Object.fromEntries(query)).toMatchObject({
      city: 'Bonemerse',
      country: 'Italia',
      postalcode: '26040',
    });
    expect(asked.some((q) => [...q.values()].some((v) => v.includes('Geocodificata')))).toBe(false);
  });

  it('saves the person without a point when the address is not found or the service fails', async () => {
    const operator = await env.loginAs('operatore');
    for (const [address, familyName] of [
      ['Via Inesistente 9', 'Introvabile'],
      ['Via del Guasto 1', 'Guasto'],
    ] as const) {
      const created = await env.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: operator.headers,
        payload: person(address, familyName),
      });
      expect(created.statusCode).toBe(201);
      expect(await storedPoint(created.json().id)).toEqual({ latitude: null, longitude: null });
    }
  });

  it('keeps a point the operator gave and does not ask the geocoder', async () => {
    const operator = await env.loginAs('operatore');
    const before = asked.length;
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...person('Via Garibaldi 84', 'Posizionata'), latitude: 45.109, longitude: 10.091 },
    });
    expect(created.statusCode).toBe(201);
    expect(await storedPoint(created.json().id)).toEqual({ latitude: 45.109, longitude: 10.091 });
    expect(asked.length).toBe(before);
  });

  it('asks nothing for a role that may not register people (403)', async () => {
    const volunteer = await env.loginAs('volontario');
    const before = asked.length;
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: volunteer.headers,
      payload: person('Via Garibaldi 84', 'Negata'),
    });
    expect(refused.statusCode).toBe(403);
    expect(asked.length).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

describe('platform endpoints', () => {
  it('reports health and the database engine', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      databaseUp: true,
    });
  });

  it('publishes the OpenAPI document with every resource', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/people',
      '/api/organizations',
      '/api/comuni',
      '/api/audit',
      '/api/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('answers an unknown API path with a 404 in Italian', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/nulla' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(/Risorsa non trovata/);
  });
});

describe('public forms', () => {
  it('slow down a flood from one address with a 429 in Italian', async () => {
    const responses = [];
    for (let i = 0; i < 31; i++) {
      // An empty volunteer offer: refused (400) but counted.
      responses.push(await env.app.inject({ method: 'POST', url: '/api/volunteers/offers', payload: {} }));
    }
    expect(responses.slice(0, 30).every((r) => r.statusCode === 400)).toBe(true);
    expect(responses[30]!.statusCode).toBe(429);
    expect(responses[30]!.json().error.message).toBe('Troppe richieste: riprova tra poco.');
  });
});

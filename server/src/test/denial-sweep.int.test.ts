import { describe, expect, it } from 'vitest';
import { setupTestEnv } from './harness.js';

/*
 * The denial sweep, first part: EVERY operation of the OpenAPI document, called without a session,
 * answers 401 — unless it is listed below as public, on purpose. A new route is swept the moment it
 * exists; a new public route fails here until it is added to PUBLIC with a reason.
 * Not yet swept (issue 7): 403 for a role without the capability, 404 across Ambiti with the row
 * re-read, lists without another territory's rows.
 */

const env = await setupTestEnv({ jobs: false });

/** Operations open without a session, each with why. `METHOD path` as in the OpenAPI document. */
const PUBLIC: Record<string, string> = {
  'GET /api/health': 'load balancers probe it',
  'GET /api/site': 'the public home: help line, contact address, whether demo logins exist',
  'POST /api/auth/login': 'opens the session (rate-limited, Origin checked)',
  'POST /api/auth/logout': 'ends a session if there is one; harmless without',
  'GET /api/ambiti': 'territory: ISTAT open data',
  'GET /api/comuni': 'territory: ISTAT open data',
  'GET /api/comuni/{code}': 'territory: ISTAT open data',
  'POST /api/volunteers/offers': 'the public volunteer offer form (rate-limited)',
  'GET /api/intervention-types': 'the catalogue the citizens’ form lists',
  'GET /api/open-data': 'open data catalogue, after disclosure control',
  'GET /api/open-data/{year}/{territory}/{dataset}.csv': 'open data, after disclosure control',
  // The service catalogue is public for approved services (issue 11), and so is its HSDS 3.0 API.
  'GET /api/services': 'public catalogue search of approved services',
  'GET /api/services/{id}': 'public page of an approved service',
  'GET /api/catalog/categories': 'the catalogue taxonomy',
  'GET /api/access-points': 'the map of proximity access points',
  'GET /api/hsds/services': 'HSDS 3.0 open standard, approved services only',
  'GET /api/hsds/services/{id}': 'HSDS 3.0 open standard, approved services only',
  'GET /api/hsds/organizations': 'HSDS 3.0 open standard: providers of approved services',
  'GET /api/hsds/organizations/{id}': 'HSDS 3.0 open standard: providers of approved services',
  'GET /api/hsds/service_at_locations': 'HSDS 3.0 open standard, approved services only',
  'GET /api/hsds/taxonomies': 'HSDS 3.0 open standard: the taxonomy',
  'GET /api/hsds/taxonomy_terms': 'HSDS 3.0 open standard: the taxonomy',
};

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

function concretePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    /id$/i.test(name) ? SAMPLE_UUID : name === 'year' ? '2026' : 'x',
  );
}

const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
  paths: Record<string, Record<string, unknown>>;
}>();
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.keys(methods)
    .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path })),
);

describe('denial sweep: anonymous', () => {
  it(`answers 401 to every non-public operation of the OpenAPI document`, async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !(o.key in PUBLIC))) {
      const response = await env.app.inject({
        method: op.method as 'GET',
        url: concretePath(op.path),
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      });
      if (response.statusCode !== 401)
        wrong.push(
          `${op.key} answered ${response.statusCode} without a session: make it require a session, or — if it is ` +
            `public on purpose — add it to PUBLIC in server/src/test/denial-sweep.int.test.ts with the reason`,
        );
    }
    console.log(
      `denial sweep: ${operations.length} operations, ${operations.length - Object.keys(PUBLIC).length} answer 401 without a session, ${Object.keys(PUBLIC).length} public`,
    );
    expect(wrong).toEqual([]);
  });

  it('lists as public only operations that exist', () => {
    const existing = new Set(operations.map((o) => o.key));
    expect(Object.keys(PUBLIC).filter((key) => !existing.has(key))).toEqual([]);
  });
});

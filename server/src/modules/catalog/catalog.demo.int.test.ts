import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.seed.js';

const env = await setupTestEnv();
await seedDemo(systemContext(env.database), { people: 120 });
const demoLogin = (role: string) => env.login(`${role}@demo.legami.it`, 'legami-demo');

describe('the demo catalogue', () => {
  it('has at least 40 approved services from several providers, covering every category of seed 001', async () => {
    const [stats] = await queryRows<{ services: number; providers: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS services, count(DISTINCT provider_id)::int AS providers FROM catalog_services WHERE status = 'approved'`,
    );
    expect(stats!.services).toBeGreaterThanOrEqual(40);
    expect(stats!.providers).toBeGreaterThanOrEqual(8);
    const uncovered = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT t.id FROM catalog_taxonomy_terms t
          WHERE NOT EXISTS (SELECT 1 FROM catalog_taxonomy_terms c WHERE c.parent_id = t.id)
            AND NOT EXISTS (SELECT 1 FROM catalog_services s WHERE s.category_id = t.id)`,
    );
    expect(uncovered).toEqual([]);
    const municipal = await queryRows<{ municipal_program: string }>(
      env.database.db,
      sql`SELECT DISTINCT municipal_program FROM catalog_services WHERE municipal_program IS NOT NULL ORDER BY 1`,
    );
    expect(municipal.map((m) => m.municipal_program)).toEqual([
      'conciliazione',
      'disabled_transport',
      'saap',
    ]);
  });

  it('has tariffs for Cremona and Crema, five access points in Cremona, ISEE declarations and orders', async () => {
    const tariffs = await queryRows<{ scope_id: string }>(
      env.database.db,
      sql`SELECT DISTINCT scope_id FROM catalog_tariff_rules WHERE retired_at IS NULL ORDER BY 1`,
    );
    expect(tariffs.map((t) => t.scope_id)).toEqual(['019035', '019036', 'CREMA']);
    const [points] = await queryRows<{ n: number; neighbourhoods: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT neighbourhood)::int AS neighbourhoods FROM access_points WHERE comune_code = '019036'`,
    );
    expect(points).toEqual({ n: 5, neighbourhoods: 5 });
    const [counts] = await queryRows<{ isee: number; orders: number }>(
      env.database.db,
      sql`SELECT (SELECT count(*)::int FROM isee_declarations) AS isee, (SELECT count(*)::int FROM catalog_orders) AS orders`,
    );
    expect(counts!.isee).toBeGreaterThanOrEqual(4);
    expect(counts!.orders).toBeGreaterThanOrEqual(4);
  });

  it('lets the demo welfare manager work at a Cremona access point and the demo provider (Igea) see its orders', async () => {
    const manager = await demoLogin('welfare_manager');
    const mine = await env.app.inject({
      method: 'GET',
      url: '/api/me/access-points',
      headers: manager.headers,
    });
    expect(mine.json().items).toEqual([
      expect.objectContaining({ comuneCode: '019036', name: 'Sportello di prossimità Centro' }),
    ]);
    const provider = await demoLogin('fornitore');
    const services = await env.app.inject({
      method: 'GET',
      url: '/api/catalog/managed-services',
      headers: provider.headers,
    });
    expect(services.json().items.length).toBeGreaterThanOrEqual(5);
    expect(
      new Set(
        services
          .json()
          .items.map((s: { providerName: string; status: string }) => `${s.providerName}:${s.status}`),
      ),
    ).toEqual(new Set(['Cooperativa sociale Igea:approved']));
    const orders = await env.app.inject({ method: 'GET', url: '/api/orders', headers: provider.headers });
    expect(orders.json().total).toBeGreaterThanOrEqual(3);
    expect(
      orders
        .json()
        .items.every((o: { providerName: string }) => o.providerName === 'Cooperativa sociale Igea'),
    ).toBe(true);
  });

  it('shows the demo citizen of Cremona their own price for home meals', async () => {
    const citizen = await demoLogin('cittadino');
    const found = await env.app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('pasti a domicilio')}&comune=019036`,
      headers: citizen.headers,
    });
    const meals = found.json().items.find((i: { name: string }) => i.name === 'Pasti a domicilio – Cremona');
    // ISEE ordinario €8,450.32 in the demo Cremona meal tariff: 250 + 300 × 2,450.32/9,000 = 331.68 → 332 cents.
    expect(meals).toMatchObject({ cappedPriceCents: 700, priceForMeCents: 332 });
    const crema = await env.app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('pasti a domicilio Crema')}`,
    });
    expect(crema.json().items[0]).toMatchObject({
      name: 'Pasti a domicilio – Crema',
      providerName: 'Cooperativa sociale Igea',
    });
  });

  it('gives the demo citizen of Crema an account and Crema’s price for home meals', async () => {
    const citizen = await demoLogin('cittadino.crema');
    const found = await env.app.inject({
      method: 'GET',
      url: `/api/services?q=${encodeURIComponent('pasti a domicilio Crema')}`,
      headers: citizen.headers,
    });
    // ISEE ordinario €9,800 in the demo Crema meal tariff: 300 + 320 × 4,800/13,000 = 418.15 → 418 cents.
    expect(found.json().items[0]).toMatchObject({
      name: 'Pasti a domicilio – Crema',
      cappedPriceCents: 720,
      priceForMeCents: 418,
    });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { setupTestEnv } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.seed.js';

const env = await setupTestEnv();

beforeAll(async () => {
  await seedDemo(systemContext(env.database), { people: 40 });
});

describe('goods demo data', () => {
  it('lets the demo shop log in and find its accredited shop', async () => {
    const shop = await env.login('esercente@demo.legami.it', 'legami-demo');
    const response = await env.app.inject({ method: 'GET', url: '/api/shops/me', headers: shop.headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Alimentari Bergamaschi', comuneName: 'Cremona' });
  });
});

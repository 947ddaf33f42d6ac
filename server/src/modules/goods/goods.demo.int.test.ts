import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.seed.js';

const env = await setupTestEnv();

beforeAll(async () => {
  await seedDemo(systemContext(env.database), { people: 200 });
});

describe('goods demo data', () => {
  it('has two points in Cremona with stock, a month of donations and weekly parcels', async () => {
    const operator = await env.login('operatore@demo.legami.it', 'legami-demo');
    const points = await env.app.inject({
      method: 'GET',
      url: '/api/goods/points',
      headers: operator.headers,
    });
    const list = points.json<{ id: string; comuneName: string }[]>();
    expect(list).toHaveLength(2);
    expect(list.every((p) => p.comuneName === 'Cremona')).toBe(true);
    const stock = await env.app.inject({
      method: 'GET',
      url: `/api/stock?point=${list[0]!.id}`,
      headers: operator.headers,
    });
    expect(stock.json().lots.length).toBeGreaterThan(0);
    const [counts] = await queryRows<{ donations: number; parcels: number; negative: number }>(
      env.database.db,
      sql`SELECT count(*) FILTER (WHERE kind = 'donation')::int AS donations, count(*) FILTER (WHERE kind = 'parcel')::int AS parcels,
                 (SELECT count(*)::int FROM stock_balances WHERE quantity < 0) AS negative FROM stock_batches`,
    );
    expect(counts!.donations).toBeGreaterThanOrEqual(8);
    expect(counts!.parcels).toBeGreaterThanOrEqual(30);
    expect(counts!.negative).toBe(0);
  });

  it('lets the demo shop redeem a demo voucher by its code, once', async () => {
    const [voucher] = await queryRows<{ code: string; balance_cents: number }>(
      env.database.db,
      sql`SELECT code, balance_cents FROM vouchers v JOIN comuni c ON c.istat_code = v.comune_code
          WHERE c.ambito_id = 'CREMONA' AND balance_cents > 0 ORDER BY code LIMIT 1`,
    );
    const shop = await env.login('esercente@demo.legami.it', 'legami-demo');
    const me = await env.app.inject({ method: 'GET', url: '/api/shops/me', headers: shop.headers });
    expect(me.json()).toMatchObject({ name: 'Alimentari Bergamaschi', comuneName: 'Cremona' });
    const post = (amountCents: number) =>
      env.app.inject({
        method: 'POST',
        url: '/api/vouchers/redeem',
        headers: shop.headers,
        payload: { code: voucher!.code, amountCents },
      });
    const full = await post(voucher!.balance_cents);
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json().remainingCents).toBe(0);
    expect((await post(1)).statusCode).toBe(409);
  });

  it('has vouchers partly redeemed at three shops and both funds with applications in each state', async () => {
    const [v] = await queryRows<{ vouchers: number; partly: number; shops: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS vouchers, count(*) FILTER (WHERE balance_cents < amount_cents)::int AS partly,
                 (SELECT count(DISTINCT shop_id)::int FROM voucher_redemptions) AS shops FROM vouchers`,
    );
    expect(v!.vouchers).toBeGreaterThan(20);
    expect(v!.partly).toBeGreaterThan(0);
    expect(v!.shops).toBe(3);
    const states = await queryRows<{ kind: string; status: string }>(
      env.database.db,
      sql`SELECT DISTINCT p.kind, a.status FROM programme_applications a JOIN support_programmes p ON p.id = a.programme_id
          WHERE p.kind <> 'voucher' ORDER BY 1, 2`,
    );
    for (const kind of ['rent_fund', 'solidarity_fund'])
      expect(states.filter((s) => s.kind === kind).map((s) => s.status)).toEqual([
        'approved',
        'paid',
        'rejected',
        'submitted',
      ]);
  });
});

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
  it('has two points and a social market in Cremona, stock, a month of donations and weekly parcels', async () => {
    const operator = await env.login('operatore@demo.legami.it', 'legami-demo');
    const points = await env.app.inject({
      method: 'GET',
      url: '/api/goods/points',
      headers: operator.headers,
    });
    const list = points.json<{ id: string; comuneName: string; kind: string }[]>();
    expect(list.map((p) => p.kind).sort()).toEqual(['point', 'social_market', 'warehouse']);
    expect(list.every((p) => p.comuneName === 'Cremona')).toBe(true);
    const stock = await env.app.inject({
      method: 'GET',
      url: `/api/stock?point=${list.find((p) => p.kind === 'warehouse')!.id}`,
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

  it('gives the month’s parcels to households of Cremona, one a week each, and has templates by size', async () => {
    const [row] = await queryRows<{ parcels: number; batches: number; clashes: number; templates: number }>(
      env.database.db,
      sql`SELECT (SELECT count(*)::int FROM parcels) AS parcels,
                 (SELECT count(*)::int FROM stock_batches WHERE kind = 'parcel') AS batches,
                 (SELECT count(*)::int FROM (SELECT 1 FROM parcels GROUP BY household_key, period_key HAVING count(*) > 1) x) AS clashes,
                 (SELECT count(*)::int FROM parcel_templates) AS templates`,
    );
    expect(row!.parcels).toBeGreaterThanOrEqual(30);
    expect(row!.parcels).toBe(row!.batches);
    expect(row!.clashes).toBe(0);
    expect(row!.templates).toBe(3);
  });

  it('has the masks campaign for the over-65s with Cremona half done, ten tablets out and a social market', async () => {
    const operator = await env.login('operatore@demo.legami.it', 'legami-demo');
    const campaigns = await env.app.inject({
      method: 'GET',
      url: '/api/goods/campaigns',
      headers: operator.headers,
    });
    const [campaign] = campaigns.json<{ id: string }[]>();
    const progress = await env.app.inject({
      method: 'GET',
      url: `/api/goods/campaigns/${campaign!.id}`,
      headers: operator.headers,
    });
    const cremona = progress
      .json<{ comuni: { comuneName: string; eligible: number; reached: number }[] }>()
      .comuni.find((c) => c.comuneName === 'Cremona')!;
    expect(cremona.eligible).toBeGreaterThan(4);
    expect(cremona.reached).toBe(Math.floor(cremona.eligible / 2));
    const out = await env.app.inject({
      method: 'GET',
      url: '/api/assets?kind=tablet',
      headers: operator.headers,
    });
    const tablets = out.json<{ state: string }[]>();
    expect(tablets.filter((t) => t.state !== 'available')).toHaveLength(10);
    expect(tablets.some((t) => t.state === 'overdue')).toBe(true);
    const shop = await env.login('esercente@demo.legami.it', 'legami-demo');
    const till = await env.app.inject({ method: 'GET', url: '/api/market/till', headers: shop.headers });
    expect(till.json()).toMatchObject({ name: 'Emporio solidale di Cremona' });
    const [cards] = await queryRows<{ n: number; credited: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n, (SELECT count(*)::int FROM market_point_movements WHERE kind = 'credit') AS credited FROM market_accounts`,
    );
    expect(cards).toEqual({ n: 12, credited: 12 });
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

  it('has a few hundred vouchers of the Cremonese, some spent to the cent, most partly, at three shops', async () => {
    const [v] = await queryRows<{
      vouchers: number;
      outside: number;
      spent: number;
      partly: number;
      unbalanced: number;
      shops: number;
      far: number;
    }>(
      env.database.db,
      sql`SELECT count(*)::int AS vouchers,
                 count(*) FILTER (WHERE c.ambito_id <> 'CREMONA')::int AS outside,
                 count(*) FILTER (WHERE balance_cents = 0)::int AS spent,
                 count(*) FILTER (WHERE balance_cents > 0 AND balance_cents < amount_cents)::int AS partly,
                 count(*) FILTER (WHERE balance_cents <> amount_cents - coalesce(
                   (SELECT sum(r.amount_cents) FROM voucher_redemptions r WHERE r.voucher_id = v.id), 0))::int AS unbalanced,
                 (SELECT count(DISTINCT shop_id)::int FROM voucher_redemptions) AS shops,
                 (SELECT count(*)::int FROM voucher_redemptions WHERE far_from_comune) AS far
          FROM vouchers v JOIN comuni c ON c.istat_code = v.comune_code`,
    );
    expect(v!.vouchers).toBeGreaterThanOrEqual(250);
    expect(v!.vouchers).toBeLessThanOrEqual(400);
    expect(v!.outside).toBe(0);
    expect(v!.spent).toBeGreaterThan(0);
    expect(v!.partly).toBeGreaterThan(v!.vouchers / 2);
    expect(v!.unbalanced).toBe(0);
    expect(v!.shops).toBe(3);
    expect(v!.far).toBe(0);
  });

  it('books the vouchers on the programme’s line of the funds ledger, within its budget', async () => {
    const manager = await env.login('welfare_manager@demo.legami.it', 'legami-demo');
    const programmes = await env.app.inject({
      method: 'GET',
      url: '/api/programmes',
      headers: manager.headers,
    });
    const programme = programmes
      .json<
        {
          id: string;
          kind: string;
          budget: { budgetCents: number; committedCents: number; redeemedCents: number };
        }[]
      >()
      .find((p) => p.kind === 'voucher')!;
    const [ledger] = await queryRows<{ budget: number; committed: number; issued: number; redeemed: number }>(
      env.database.db,
      sql`SELECT l.budget_cents::int AS budget,
                 (SELECT sum(m.amount_cents)::int FROM fund_movements m WHERE m.line_id = l.id AND m.kind = 'commitment') AS committed,
                 (SELECT sum(amount_cents)::int FROM vouchers WHERE programme_id = p.id) AS issued,
                 (SELECT sum(r.amount_cents)::int FROM voucher_redemptions r JOIN vouchers v ON v.id = r.voucher_id
                  WHERE v.programme_id = p.id) AS redeemed
          FROM support_programmes p JOIN fund_lines l ON l.id = p.fund_line_id WHERE p.id = ${programme.id}`,
    );
    expect(ledger!.committed).toBe(ledger!.issued);
    expect(ledger!.redeemed).toBeLessThanOrEqual(ledger!.issued);
    expect(ledger!.issued).toBeLessThanOrEqual(ledger!.budget);
    expect(programme.budget).toMatchObject({
      budgetCents: ledger!.budget,
      committedCents: ledger!.issued,
      redeemedCents: ledger!.redeemed,
    });
  });

  it('issues no voucher to a minor and trips no fraud signal of its own', async () => {
    const [row] = await queryRows<{ minors: number; twice: number; signals: number }>(
      env.database.db,
      sql`SELECT (SELECT count(*)::int FROM vouchers v JOIN programme_applications a ON a.id = v.application_id
                  JOIN people p ON p.id = a.person_id WHERE p.birth_date > (current_date - interval '18 years')::date) AS minors,
                 (SELECT count(*)::int FROM (SELECT 1 FROM programme_applications
                  GROUP BY programme_id, household_key HAVING count(*) > 1) x) AS twice,
                 (SELECT count(*)::int FROM programme_fraud_signals) AS signals`,
    );
    expect(row).toEqual({ minors: 0, twice: 0, signals: 0 });
    const manager = await env.login('welfare_manager@demo.legami.it', 'legami-demo');
    const programmes = await env.app.inject({
      method: 'GET',
      url: '/api/programmes',
      headers: manager.headers,
    });
    const voucher = programmes.json<{ id: string; kind: string }[]>().find((p) => p.kind === 'voucher')!;
    const signals = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${voucher.id}/signals`,
      headers: manager.headers,
    });
    expect(signals.statusCode).toBe(200);
    expect(signals.json()).toEqual([]);
  });

  it('has both funds with applications in each state', async () => {
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
    // The demo citizen's household is left to apply online (its browser journey does).
    const [citizen] = await queryRows<{ applications: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS applications FROM programme_applications a
          JOIN support_programmes p ON p.id = a.programme_id
          JOIN people c ON c.id = (SELECT person_id FROM users WHERE email = 'cittadino@demo.legami.it')
          WHERE p.kind <> 'voucher' AND a.household_key = coalesce(c.household_id, c.id)`,
    );
    expect(citizen!.applications).toBe(0);
  });
});

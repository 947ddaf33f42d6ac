import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type { ReportFigures } from '../../../../shared/src/reports/social-report.schemas.js';
import { seedDemo } from '../demo/demo.seed.js';
import { setupTestEnv } from '../../test/harness.js';
import {
  bookOrder,
  buildBookableService,
  CREMONA,
  loginCitizen,
  tomorrow,
} from '../../test/catalog-factories.js';
import { MIN_CELL } from './disclosure.js';

/*
 * The figures of the annual report that come from the other modules (catalogue, funds, goods,
 * vouchers, economic support, cases, volunteers' register), on the province's year as every
 * module's own demo seed generates it (through the modules' index.ts), plus catalogue orders
 * booked over HTTP. The test reads the raw rows back, counts every figure itself in JavaScript
 * (threshold rule included) and compares; a figure hidden under the threshold is compared as null.
 */

const env = await setupTestEnv();
await seedDemo(systemContext(env.database), { seed: 13 });
const admin = await env.loginAs('amministratore', { type: 'all' });
const YEAR = Number(dateInRome().slice(0, 4));
// The demo books few catalogue orders in the Cremonese: six citizens of Cremona book online, one is cancelled.
{
  const { serviceId } = await buildBookableService(env);
  for (let i = 1; i <= 6; i += 1) {
    const citizen = await loginCitizen(env, CREMONA);
    const booked = await bookOrder(env, citizen.headers, { serviceId, quantity: i, startDate: tomorrow() });
    expect(booked.statusCode, booked.body).toBe(201);
    if (i === 6) {
      const cancelled = await env.app.inject({
        method: 'POST',
        url: `/api/orders/${booked.json().id}/cancel`,
        headers: citizen.headers,
        payload: { reason: 'Non ne ho più bisogno' },
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
    }
  }
}

const db = env.database.db;
// The province's comuni: all those of the territory register.
const comuni = new Set(
  (await queryRows<{ code: string }>(db, sql`SELECT istat_code AS code FROM comuni`)).map((c) => c.code),
);
/** The year of a timestamp or date in Rome, read as text so that JavaScript does the rest. */
const romeYear = (column: ReturnType<typeof sql.raw>) =>
  sql`to_char(${column} AT TIME ZONE 'Europe/Rome', 'YYYY')::int`;
const shown = (n: number) => (n >= MIN_CELL ? n : null);
const moneyShown = (cents: number, behind: number) => (behind >= MIN_CELL ? cents : null);
const sum = <T>(rows: readonly T[], of: (t: T) => number) => rows.reduce((s, r) => s + of(r), 0);
const group = <T>(rows: readonly T[], by: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(by(row), [...(out.get(by(row)) ?? []), row]);
  return out;
};

async function generate(): Promise<ReportFigures> {
  const queued = await env.app.inject({
    method: 'POST',
    url: `/api/reports/${YEAR}/provincia-di-cremona/generate`,
    headers: admin.headers,
  });
  expect(queued.statusCode, queued.body).toBe(202);
  for (let i = 0; i < 600; i += 1) {
    const now = await env.app.inject({
      method: 'GET',
      url: `/api/reports/${queued.json().id}`,
      headers: admin.headers,
    });
    if (now.json().status === 'draft') return now.json().figures;
    expect(now.json().status).toBe('generating');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the report was not generated');
}
const figures = await generate();
/** How many figures were shown (not suppressed) and compared with a count of the test. */
let compared = 0;
const same = (shownFigure: number | null, expected: number | null, what: string) => {
  expect(shownFigure, what).toBe(expected);
  if (expected !== null) compared += 1;
};

describe('the annual report’s figures from the other modules, against the test’s own counts', () => {
  it('counts catalogue orders and their spending by tariff band', async () => {
    const orders = (
      await queryRows<{
        person: string;
        comune: string;
        status: string;
        year: number;
        tariff: { basis?: string; band?: number } | null;
        total: number;
        subsidy: number;
      }>(
        db,
        sql`SELECT person_id AS person, comune_code AS comune, status, ${romeYear(sql.raw('created_at'))} AS year,
                   tariff, total_cents AS total, subsidy_cents AS subsidy FROM catalog_orders`,
      )
    ).filter(
      (o) => o.year === YEAR && comuni.has(o.comune) && o.status !== 'declined' && o.status !== 'cancelled',
    );
    expect(orders.length).toBeGreaterThan(0);
    const bandOf = (o: (typeof orders)[number]) =>
      o.tariff?.basis === 'band' ? `band-${o.tariff.band! + 1}` : (o.tariff?.basis ?? 'capped_price');
    const bands = group(orders, bandOf);
    expect(figures.catalog.bands.map((b) => b.key).sort()).toEqual([...bands.keys()].sort());
    for (const band of figures.catalog.bands) {
      const rows = bands.get(band.key)!;
      const people = new Set(rows.map((o) => o.person)).size;
      same(band.orders, people >= MIN_CELL ? rows.length : null, `${band.key} orders`);
      same(
        band.totalCents,
        moneyShown(
          sum(rows, (o) => o.total),
          people,
        ),
        `${band.key} total`,
      );
      same(
        band.subsidyCents,
        moneyShown(
          sum(rows, (o) => o.subsidy),
          people,
        ),
        `${band.key} subsidy`,
      );
    }
    const behind = sum([...bands.values()], (rows) => new Set(rows.map((o) => o.person)).size);
    same(figures.catalog.orders, behind >= MIN_CELL ? orders.length : null, 'orders');
    same(
      figures.catalog.totalCents,
      moneyShown(
        sum(orders, (o) => o.total),
        behind,
      ),
      'total',
    );
    same(
      figures.catalog.subsidyCents,
      moneyShown(
        sum(orders, (o) => o.subsidy),
        behind,
      ),
      'subsidy',
    );
  });

  it('counts the money allocated and spent by funding source', async () => {
    const lines = await queryRows<{
      id: string;
      comune: string | null;
      budget: number;
      kind: string | null;
      allocationYear: number | null;
    }>(
      db,
      sql`SELECT l.id, l.comune_code AS comune, l.budget_cents::float8 AS budget, s.kind,
                 ${romeYear(sql.raw('a.created_at'))} AS "allocationYear"
          FROM fund_lines l LEFT JOIN fund_sources s ON s.id = l.source_id
          LEFT JOIN fund_allocations a ON a.id = l.allocation_id`,
    );
    const movements = await queryRows<{
      id: string;
      line: string;
      kind: string;
      cents: number;
      reverses: string | null;
      comune: string | null;
      day: string;
    }>(
      db,
      sql`SELECT id, line_id AS line, kind, amount_cents::float8 AS cents, reverses_id AS reverses, comune_code AS comune,
                 to_char(occurred_on, 'YYYY-MM-DD') AS day FROM fund_movements`,
    );
    const lineOf = new Map(lines.map((l) => [l.id, l]));
    const kindOfMovement = new Map(movements.map((m) => [m.id, m.kind]));
    const expected = new Map<string, { allocated: number; spent: number }>();
    const at = (kind: string | null) => {
      const key = kind ?? 'other';
      if (!expected.has(key)) expected.set(key, { allocated: 0, spent: 0 });
      return expected.get(key)!;
    };
    for (const line of lines)
      if (line.allocationYear === YEAR && line.comune !== null && comuni.has(line.comune))
        at(line.kind).allocated += line.budget;
    for (const m of movements) {
      const line = lineOf.get(m.line)!;
      const comune = m.comune ?? line.comune;
      if (Number(m.day.slice(0, 4)) !== YEAR || comune === null || !comuni.has(comune)) continue;
      // Every movement of the year names its source, even one that spends nothing.
      const figure = at(line.kind);
      if (m.kind === 'expense') figure.spent += m.cents;
      if (m.kind === 'reversal' && kindOfMovement.get(m.reverses!) === 'expense') figure.spent -= m.cents;
    }
    expect(sum([...expected.values()], (e) => e.allocated + e.spent)).toBeGreaterThan(0);
    expect(figures.funds.map((f) => f.key).sort()).toEqual([...expected.keys()].sort());
    for (const f of figures.funds) {
      same(f.allocatedCents, expected.get(f.key)!.allocated, `${f.key} allocated`);
      same(f.spentCents, expected.get(f.key)!.spent, `${f.key} spent`);
    }
  });

  it('counts the goods given out', async () => {
    const batches = (
      await queryRows<{ id: string; kind: string; comune: string; year: number; reversed: boolean }>(
        db,
        sql`SELECT b.id, b.kind, b.comune_code AS comune, to_char(b.occurred_on, 'YYYY')::int AS year,
                   EXISTS (SELECT 1 FROM stock_batches r WHERE r.reverses_batch_id = b.id) AS reversed
            FROM stock_batches b`,
      )
    ).filter((b) => b.year === YEAR && comuni.has(b.comune) && !b.reversed);
    const movements = await queryRows<{ batch: string; quantity: number }>(
      db,
      sql`SELECT batch_id AS batch, quantity FROM stock_movements`,
    );
    const counted = new Set(
      batches.filter((b) => b.kind === 'parcel' || b.kind === 'campaign').map((b) => b.id),
    );
    const withMovements = new Set(movements.filter((m) => counted.has(m.batch)).map((m) => m.batch));
    const parcels = batches.filter((b) => b.kind === 'parcel' && withMovements.has(b.id)).length;
    const handOuts = batches.filter((b) => b.kind === 'campaign' && withMovements.has(b.id)).length;
    expect(parcels + handOuts).toBeGreaterThan(0);
    same(figures.goods.parcels, shown(parcels), 'parcels');
    same(figures.goods.campaignHandOuts, shown(handOuts), 'campaign hand-outs');
    same(
      figures.goods.units,
      parcels + handOuts >= MIN_CELL
        ? -sum(
            movements.filter((m) => counted.has(m.batch)),
            (m) => m.quantity,
          )
        : null,
      'units',
    );
  });

  it('counts the vouchers and the economic support paid', async () => {
    const vouchers = (
      await queryRows<{
        household: string;
        comune: string;
        status: string;
        year: number;
        amount: number;
        balance: number;
      }>(
        db,
        sql`SELECT household_key AS household, comune_code AS comune, status, ${romeYear(sql.raw('issued_at'))} AS year,
                   amount_cents AS amount, balance_cents AS balance FROM vouchers`,
      )
    ).filter((v) => v.year === YEAR && comuni.has(v.comune) && v.status !== 'cancelled');
    const households = new Set(vouchers.map((v) => v.household)).size;
    expect(vouchers.length).toBeGreaterThan(0);
    same(figures.vouchers.issued, households >= MIN_CELL ? vouchers.length : null, 'vouchers issued');
    same(figures.vouchers.households, shown(households), 'voucher households');
    same(
      figures.vouchers.issuedCents,
      moneyShown(
        sum(vouchers, (v) => v.amount),
        households,
      ),
      'issued cents',
    );
    same(
      figures.vouchers.redeemedCents,
      moneyShown(
        sum(vouchers, (v) => v.amount - v.balance),
        households,
      ),
      'redeemed cents',
    );

    const paid = (
      await queryRows<{
        household: string;
        comune: string;
        status: string;
        kind: string;
        year: number | null;
        amount: number;
      }>(
        db,
        sql`SELECT a.household_key AS household, a.comune_code AS comune, a.status, p.kind,
                   ${romeYear(sql.raw('a.paid_at'))} AS year, a.amount_cents AS amount
            FROM programme_applications a JOIN support_programmes p ON p.id = a.programme_id`,
      )
    ).filter((a) => a.status === 'paid' && a.kind !== 'voucher' && a.year === YEAR && comuni.has(a.comune));
    const byKind = group(paid, (a) => a.kind);
    expect(paid.length).toBeGreaterThan(0);
    expect(figures.support.map((s) => s.key).sort()).toEqual([...byKind.keys()].sort());
    for (const s of figures.support) {
      const rows = byKind.get(s.key)!;
      const n = new Set(rows.map((a) => a.household)).size;
      same(s.households, shown(n), `${s.key} households`);
      same(
        s.paidCents,
        moneyShown(
          sum(rows, (a) => a.amount),
          n,
        ),
        `${s.key} paid`,
      );
    }
  });

  it('counts plan outcomes, protected discharges and the volunteers’ register', async () => {
    const goals = (
      await queryRows<{ outcome: string | null; state: string; comune: string; year: number | null }>(
        db,
        sql`SELECT g.outcome, p.state, p.comune_code AS comune, to_char(p.closed_on, 'YYYY')::int AS year
            FROM case_plan_goals g JOIN case_plans p ON p.id = g.plan_id`,
      )
    ).filter((g) => g.state === 'closed' && g.year === YEAR && g.outcome !== null && comuni.has(g.comune));
    for (const outcome of figures.planOutcomes)
      same(
        outcome.goals,
        shown(goals.filter((g) => g.outcome === outcome.key).length),
        `goals ${outcome.key}`,
      );

    const discharges = (
      await queryRows<{ status: string; comune: string; year: number; homePlan: boolean }>(
        db,
        sql`SELECT status, comune_code AS comune, to_char(discharge_on, 'YYYY')::int AS year,
                   home_plan_id IS NOT NULL AS "homePlan" FROM case_discharges`,
      )
    ).filter((d) => d.year === YEAR && comuni.has(d.comune));
    same(figures.discharges.total, shown(discharges.length), 'discharges');
    same(
      figures.discharges.completed,
      shown(discharges.filter((d) => d.status === 'completed').length),
      'completed',
    );
    same(
      figures.discharges.withHomePlan,
      shown(discharges.filter((d) => d.homePlan).length),
      'with a home plan',
    );

    const volunteers = (
      await queryRows<{ status: string; comune: string; year: number }>(
        db,
        sql`SELECT status, comune_code AS comune, ${romeYear(sql.raw('created_at'))} AS year FROM volunteers`,
      )
    ).filter((v) => comuni.has(v.comune));
    same(
      figures.volunteers.registered,
      shown(volunteers.filter((v) => v.status === 'approved' && v.year <= YEAR).length),
      'volunteers registered',
    );
    same(figures.volunteers.newOffers, shown(volunteers.filter((v) => v.year === YEAR).length), 'new offers');
    // Most of these figures are large enough to be shown, so the comparison is not of nulls.
    expect(compared).toBeGreaterThan(15);
  });
});

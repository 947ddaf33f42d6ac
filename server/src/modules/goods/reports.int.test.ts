import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { seedDemo } from '../demo/demo.seed.js';
import type { GoodsReports, VoucherReports } from '../../../../shared/src/goods/reports.schemas.js';

/*
 * The goods and voucher reports (issue 12 item 9) on the demo data, each figure checked against a
 * count made here from the raw rows (or from another route), not by the reports' own queries.
 */
const env = await setupTestEnv();
let operator: Session;

beforeAll(async () => {
  await seedDemo(systemContext(env.database), { people: 200 });
  operator = await env.login('operatore@demo.legami.it', 'legami-demo');
});

const get = async <T>(url: string, who = operator) => {
  const response = await env.app.inject({ method: 'GET', url, headers: who.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const ambitoComuni = async () =>
  new Set(
    (
      await queryRows<{ istat_code: string }>(
        env.database.db,
        sql`SELECT istat_code FROM comuni WHERE ambito_id = 'CREMONA'`,
      )
    ).map((r) => r.istat_code),
  );

/** The Monday of a date's ISO week, computed in JavaScript. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

describe('goods reports', () => {
  it('gives each point’s lots and units as its own stock page sums them', async () => {
    const report = await get<GoodsReports>('/api/goods/reports');
    expect(report.stockByPoint.length).toBeGreaterThanOrEqual(2);
    for (const point of report.stockByPoint) {
      const stock = await get<{ lots: { quantity: number }[] }>(`/api/stock?point=${point.pointId}`);
      const lots = stock.lots.filter((l) => l.quantity > 0);
      expect(point.lots, point.pointName).toBe(lots.length);
      expect(point.units, point.pointName).toBe(lots.reduce((n, l) => n + l.quantity, 0));
    }
    expect(report.stockByPoint.some((p) => p.units > 0)).toBe(true);
  });

  it('counts the parcels of each of the last weeks, split by delivery and pick-up', async () => {
    const report = await get<GoodsReports>('/api/goods/reports?weeks=6');
    const today = dateInRome();
    expect(report.parcelsByWeek).toHaveLength(6);
    expect(report.parcelsByWeek.at(-1)!.weekStart).toBe(mondayOf(today));
    const comuni = await ambitoComuni();
    const rows = (
      await queryRows<{ day: string; delivery: string; picked: boolean; comune: string; reversed: boolean }>(
        env.database.db,
        sql`SELECT to_char(p.assembled_on, 'YYYY-MM-DD') AS day, p.delivery, p.picked_up_at IS NOT NULL AS picked,
                   p.comune_code AS comune, EXISTS (SELECT 1 FROM stock_batches r WHERE r.reverses_batch_id = p.batch_id) AS reversed
            FROM parcels p`,
      )
    ).filter((r) => comuni.has(r.comune) && !r.reversed);
    for (const week of report.parcelsByWeek) {
      const of = rows.filter((r) => mondayOf(r.day) === week.weekStart);
      expect(week, week.week).toMatchObject({
        parcels: of.length,
        delivered: of.filter((r) => r.delivery === 'delivery').length,
        pickedUp: of.filter((r) => r.picked).length,
      });
    }
    expect(report.parcelsByWeek.reduce((n, w) => n + w.parcels, 0)).toBeGreaterThan(0);
  });

  it('gives the masks campaign’s eligible and reached people per comune as the registry counts them', async () => {
    const report = await get<GoodsReports>('/api/goods/reports');
    const [campaign] = await queryRows<{ id: string; min_age: number; comuni: string[] }>(
      env.database.db,
      sql`SELECT id, min_age, comuni::text[] AS comuni FROM distribution_campaigns WHERE min_age = 65 LIMIT 1`,
    );
    const people = await queryRows<{ id: string; comune: string; birth: string }>(
      env.database.db,
      sql`SELECT id, comune_code AS comune, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM people`,
    );
    const reached = new Set(
      (
        await queryRows<{ person_id: string }>(
          env.database.db,
          sql`SELECT person_id FROM campaign_deliveries WHERE campaign_id = ${campaign!.id}`,
        )
      ).map((r) => r.person_id),
    );
    const today = dateInRome();
    const cutoff = `${Number(today.slice(0, 4)) - 65}${today.slice(4)}`;
    const rows = report.campaignCoverage.filter((c) => c.campaignId === campaign!.id);
    expect(rows.map((r) => r.comuneCode).sort()).toEqual([...campaign!.comuni].sort());
    for (const row of rows) {
      const eligible = people.filter((p) => p.comune === row.comuneCode && p.birth <= cutoff);
      expect(row, row.comuneName).toMatchObject({
        eligible: eligible.length,
        reached: eligible.filter((p) => reached.has(p.id)).length,
      });
    }
    const cremona = rows.find((r) => r.comuneName === 'Cremona')!;
    expect(cremona.reached).toBe(Math.floor(cremona.eligible / 2));
  });

  it('downloads each report as CSV for Italian Excel and as XLSX with numbers kept numbers', async () => {
    const report = await get<GoodsReports>('/api/goods/reports');
    const csv = await env.app.inject({
      method: 'GET',
      url: '/api/goods/reports/export.csv?report=stock',
      headers: operator.headers,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="beni-stock.csv"');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Punto;Comune;Lotti in giacenza;Unità in giacenza;Lotti in scadenza');
    const p = report.stockByPoint[0]!;
    expect(lines).toContain(`${p.pointName};${p.comuneName};${p.lots};${p.units};${p.nearExpiryLots}`);
    const xlsx = await env.app.inject({
      method: 'GET',
      url: '/api/goods/reports/export.xlsx?report=parcels&weeks=4&lang=en',
      headers: operator.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = (workbook.getWorksheet('Parcels per week')!.getSheetValues().slice(1) as unknown[][]).map(
      (r) => r.slice(1),
    );
    expect(values[0]).toEqual(['Week', 'From', 'Parcels', 'Delivered at home', 'Picked up at the point']);
    const weeks = await get<GoodsReports>('/api/goods/reports?weeks=4');
    expect(values.slice(1)).toEqual(
      weeks.parcelsByWeek.map((w) => [w.week, w.weekStart, w.parcels, w.delivered, w.pickedUp]),
    );
  });
});

describe('voucher reports', () => {
  it('gives vouchers issued and redeemed by comune and by shop as the raw rows sum them', async () => {
    const report = await get<VoucherReports>('/api/vouchers/reports');
    const comuni = await ambitoComuni();
    const vouchers = (
      await queryRows<{ comune: string; amount: number; balance: number; status: string }>(
        env.database.db,
        sql`SELECT comune_code AS comune, amount_cents AS amount, balance_cents AS balance, status FROM vouchers`,
      )
    ).filter((v) => comuni.has(v.comune) && v.status !== 'cancelled');
    const expected = [...new Set(vouchers.map((v) => v.comune))].sort();
    expect(report.byComune.map((c) => c.comuneCode).sort()).toEqual(expected);
    for (const row of report.byComune) {
      const of = vouchers.filter((v) => v.comune === row.comuneCode);
      expect(row, row.comuneName).toMatchObject({
        issued: of.length,
        issuedCents: of.reduce((n, v) => n + v.amount, 0),
        redeemed: of.filter((v) => v.balance < v.amount).length,
        redeemedCents: of.reduce((n, v) => n + v.amount - v.balance, 0),
      });
    }
    const redemptions = (
      await queryRows<{ shop: string; voucher: string; amount: number; comune: string }>(
        env.database.db,
        sql`SELECT shop_id AS shop, voucher_id AS voucher, amount_cents AS amount, comune_code AS comune FROM voucher_redemptions`,
      )
    ).filter((r) => comuni.has(r.comune));
    expect(report.byShop).toHaveLength(new Set(redemptions.map((r) => r.shop)).size);
    expect(report.byShop.length).toBeGreaterThanOrEqual(3);
    for (const shop of report.byShop) {
      const of = redemptions.filter((r) => r.shop === shop.shopId);
      expect(shop, shop.shopName).toMatchObject({
        redemptions: of.length,
        vouchers: new Set(of.map((r) => r.voucher)).size,
        redeemedCents: of.reduce((n, r) => n + r.amount, 0),
      });
    }
    const total = report.byComune.reduce((n, c) => n + c.redeemedCents, 0);
    expect(report.byShop.reduce((n, s) => n + s.redeemedCents, 0)).toBe(total);
  });

  it('downloads them with amounts in euros, and keeps a programme of another Ambito out', async () => {
    const report = await get<VoucherReports>('/api/vouchers/reports');
    const comuni = await ambitoComuni();
    const csv = await env.app.inject({
      method: 'GET',
      url: '/api/vouchers/reports/export.csv?report=shops',
      headers: operator.headers,
    });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Esercizio;Comune;Riscossioni;Buoni;Importo riscosso');
    const s = report.byShop[0]!;
    const euros = (s.redeemedCents / 100).toFixed(2).replace('.', ',');
    expect(lines).toContain(`${s.shopName};${s.comuneName};${s.redemptions};${s.vouchers};${euros}`);
    const [programme] = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT id FROM support_programmes WHERE kind = 'voucher' AND comune_code = ${CREMONA} LIMIT 1`,
    );
    const crema = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/vouchers/reports?programme=${programme!.id}`,
      headers: crema.headers,
    });
    const theirs = await get<VoucherReports>('/api/vouchers/reports', crema);
    expect(theirs.byComune.some((c) => comuni.has(c.comuneCode))).toBe(false);
    expect(other.statusCode).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import type { GoodsReports, VoucherReports } from '../shared/src/goods/reports.schemas.js';
import { PHONE, contentWidth, expectNoAxeViolations, logIn, openPage } from './harness/browser.js';

describe('goods reports', () => {
  it('shows stock, parcels, campaigns and vouchers with charts, tables and downloads that match the API', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.goto('/beni');
    await page.getByRole('link', { name: 'Rapporti: giacenze, pacchi, campagne, buoni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapporti su beni e buoni' }).waitFor();
    const goods = (await (await page.request.get('/api/goods/reports')).json()) as GoodsReports;
    const vouchers = (await (await page.request.get('/api/vouchers/reports')).json()) as VoucherReports;

    const stock = page.getByRole('table', { name: 'Giacenze per punto' });
    await stock.waitFor();
    expect(await stock.locator('tbody tr').count()).toBe(goods.stockByPoint.length);
    const point = goods.stockByPoint.find((p) => p.units > 0)!;
    const pointRow = stock.locator('tbody tr', { hasText: point.pointName });
    await expect
      .poll(() => pointRow.textContent())
      .toContain(new Intl.NumberFormat('it-IT').format(point.units));

    const weeks = page.getByRole('table', { name: 'Pacchi per settimana' });
    expect(await weeks.locator('tbody tr').count()).toBe(goods.parcelsByWeek.length);
    const shops = page.getByRole('table', { name: 'Buoni spesi per esercizio' });
    await shops.waitFor();
    expect(await shops.locator('tbody tr').count()).toBe(vouchers.byShop.length);
    expect(vouchers.byShop.length).toBeGreaterThanOrEqual(3);
    // Charts are drawn (hidden from screen readers: the tables carry the figures) and the map is there.
    expect(await page.locator('figure .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.locator('.leaflet-container').first().waitFor();

    const csv = page.getByRole('link', { name: 'Giacenze per punto: scarica in CSV' });
    const response = await page.request.get((await csv.getAttribute('href'))!);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toContain(
      `${point.pointName};${point.comuneName};${point.lots};${point.units}`,
    );
    const xlsx = page.getByRole('link', { name: 'Buoni spesi per esercizio: scarica in Excel (XLSX)' });
    const workbook = await page.request.get((await xlsx.getAttribute('href'))!);
    expect(workbook.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expectNoAxeViolations(page);
  });

  it('fits a 390×844 phone and stays accessible', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'operatore');
    await page.goto('/beni/rapporti');
    await page.getByRole('table', { name: 'Buoni emessi e spesi per comune' }).waitFor();
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});

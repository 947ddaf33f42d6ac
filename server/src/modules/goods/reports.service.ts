import { withScope } from '../../platform/access/access.js';
import type { Context } from '../../platform/context.js';
import type { DownloadLocale, Table } from '../../platform/http/download.js';
import { dateInRome } from '../../platform/time.js';
import type {
  GOODS_REPORTS,
  GoodsReports,
  GoodsReportsQuery,
} from '../../../../shared/src/goods/reports.schemas.js';
import * as goodsRepo from './goods.repository.js';
import * as repo from './distribution.repository.js';
import { progressOf } from './campaigns.service.js';
import { parcelsPerWeek, stockTotalsByPoint } from './goods.statistics.js';

/**
 * Stock by point, parcels per week and campaign coverage by comune of the actor's territory
 * (issue 12 item 9): aggregates only, no person.
 */
export async function goodsReports(ctx: Context, query: GoodsReportsQuery): Promise<GoodsReports> {
  return withScope(ctx, 'goods.read', async (tx, scope) => {
    const today = dateInRome();
    const totals = new Map((await stockTotalsByPoint(tx)).map((t) => [t.point_id, t]));
    const stockByPoint = (await goodsRepo.listPoints(tx, today)).map((p) => ({
      pointId: p.id,
      pointName: p.name,
      comuneCode: p.comune_code,
      comuneName: p.comune_name,
      lots: totals.get(p.id)?.lots ?? 0,
      units: totals.get(p.id)?.units ?? 0,
      nearExpiryLots: p.near_expiry_lots,
    }));
    const parcelsByWeek = (await parcelsPerWeek(tx, { weeks: query.weeks ?? 12, today })).map((w) => ({
      week: w.week,
      weekStart: w.week_start,
      parcels: w.parcels,
      delivered: w.delivered,
      pickedUp: w.picked_up,
    }));
    const campaignCoverage: GoodsReports['campaignCoverage'] = [];
    for (const c of await repo.listCampaigns(tx, scope.all ? 'all' : [...scope.comuni]))
      for (const comune of await progressOf(tx, scope, c, today))
        campaignCoverage.push({
          campaignId: c.id,
          campaignName: c.name,
          comuneCode: comune.comuneCode,
          comuneName: comune.comuneName,
          eligible: comune.eligible,
          reached: comune.reached,
        });
    return { stockByPoint, parcelsByWeek, campaignCoverage };
  });
}

const HEADERS: Record<DownloadLocale, Record<(typeof GOODS_REPORTS)[number], string[]>> = {
  it: {
    stock: ['Punto', 'Comune', 'Lotti in giacenza', 'Unità in giacenza', 'Lotti in scadenza'],
    parcels: ['Settimana', 'Dal', 'Pacchi', 'Consegnati a domicilio', 'Ritirati al punto'],
    campaigns: ['Campagna', 'Comune', 'Aventi diritto', 'Raggiunti'],
  },
  en: {
    stock: ['Point', 'Municipality', 'Lots in stock', 'Units in stock', 'Lots near expiry'],
    parcels: ['Week', 'From', 'Parcels', 'Delivered at home', 'Picked up at the point'],
    campaigns: ['Campaign', 'Municipality', 'Eligible', 'Reached'],
  },
};
const SHEETS: Record<DownloadLocale, Record<(typeof GOODS_REPORTS)[number], string>> = {
  it: { stock: 'Giacenze per punto', parcels: 'Pacchi per settimana', campaigns: 'Copertura campagne' },
  en: { stock: 'Stock by point', parcels: 'Parcels per week', campaigns: 'Campaign coverage' },
};

/** One of the reports as a table for CSV or XLSX, headers in the reader's language. */
export async function goodsReportTable(
  ctx: Context,
  report: (typeof GOODS_REPORTS)[number],
  query: GoodsReportsQuery,
  locale: DownloadLocale,
): Promise<{ table: Table; sheetName: string }> {
  const r = await goodsReports(ctx, query);
  const rows: Table =
    report === 'stock'
      ? r.stockByPoint.map((p) => [p.pointName, p.comuneName, p.lots, p.units, p.nearExpiryLots])
      : report === 'parcels'
        ? r.parcelsByWeek.map((w) => [w.week, w.weekStart, w.parcels, w.delivered, w.pickedUp])
        : r.campaignCoverage.map((c) => [c.campaignName, c.comuneName, c.eligible, c.reached]);
  return { table: [HEADERS[locale][report], ...rows], sheetName: SHEETS[locale][report] };
}

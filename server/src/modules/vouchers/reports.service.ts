import { withScope } from '../../platform/access/access.js';
import type { Context } from '../../platform/context.js';
import { money, type DownloadLocale, type Table } from '../../platform/http/download.js';
import type {
  VOUCHER_REPORTS,
  VoucherReports,
  VoucherReportsQuery,
} from '../../../../shared/src/goods/reports.schemas.js';
import { programmeInScope } from './vouchers.service.js';
import { redemptionsByShop, vouchersByComune } from './vouchers.statistics.js';

/**
 * Vouchers issued and redeemed by comune and by shop in the actor's territory, of one programme or
 * all (issue 12 item 9). @throws 404 a programme outside the territory.
 */
export async function voucherReports(ctx: Context, query: VoucherReportsQuery): Promise<VoucherReports> {
  return withScope(ctx, 'programme.read', async (tx, scope) => {
    if (query.programme) await programmeInScope(tx, scope, query.programme);
    return {
      byComune: await vouchersByComune(tx, query.programme),
      byShop: await redemptionsByShop(tx, query.programme),
    };
  });
}

const HEADERS: Record<DownloadLocale, Record<(typeof VOUCHER_REPORTS)[number], string[]>> = {
  it: {
    comuni: ['Comune', 'Buoni emessi', 'Importo emesso', 'Buoni spesi', 'Importo speso'],
    shops: ['Esercizio', 'Comune', 'Riscossioni', 'Buoni', 'Importo riscosso'],
  },
  en: {
    comuni: ['Municipality', 'Vouchers issued', 'Amount issued', 'Vouchers used', 'Amount spent'],
    shops: ['Shop', 'Municipality', 'Redemptions', 'Vouchers', 'Amount redeemed'],
  },
};
const SHEETS: Record<DownloadLocale, Record<(typeof VOUCHER_REPORTS)[number], string>> = {
  it: { comuni: 'Buoni per comune', shops: 'Buoni per esercizio' },
  en: { comuni: 'Vouchers by municipality', shops: 'Vouchers by shop' },
};

/** One of the reports as a table for CSV or XLSX, amounts in euros, headers in the reader's language. */
export async function voucherReportTable(
  ctx: Context,
  report: (typeof VOUCHER_REPORTS)[number],
  query: VoucherReportsQuery,
  locale: DownloadLocale,
): Promise<{ table: Table; sheetName: string }> {
  const r = await voucherReports(ctx, query);
  const rows: Table =
    report === 'comuni'
      ? r.byComune.map((c) => [
          c.comuneName,
          c.issued,
          money(c.issuedCents),
          c.redeemed,
          money(c.redeemedCents),
        ])
      : r.byShop.map((s) => [s.shopName, s.comuneName, s.redemptions, s.vouchers, money(s.redeemedCents)]);
  return { table: [HEADERS[locale][report], ...rows], sheetName: SHEETS[locale][report] };
}

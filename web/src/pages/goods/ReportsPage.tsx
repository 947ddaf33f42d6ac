import type { GoodsReports, VoucherReports } from '../../../../shared/src/goods/reports.schemas';
import { useApi } from '../../api/useApi';
import { GOODS_REPORTS_PATH, VOUCHER_REPORTS_PATH, reportExportPath } from '../../features/goods/api';
import { ShareMap } from '../../features/funds/ShareMap';
import { useCan } from '../../features/session/SessionProvider';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { BarChartFigure } from '../../ui/BarChartFigure';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

type ReportBase = typeof GOODS_REPORTS_PATH | typeof VOUCHER_REPORTS_PATH;

/** A report's section: its title, the CSV and XLSX downloads, then chart and table. */
function ReportSection({
  id,
  title,
  base,
  report,
  children,
}: {
  id: string;
  title: string;
  base: ReportBase;
  report: string;
  children: React.ReactNode;
}) {
  const { t, locale } = useI18n();
  const r = t.goods.reports;
  return (
    <section aria-labelledby={id} className="mb-5">
      <h2 id={id} className="h4">
        {title}
      </h2>
      <p className="d-flex flex-wrap gap-2">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a
            key={format}
            className="btn btn-outline-primary btn-sm"
            href={reportExportPath(base, report, format, locale)}
            aria-label={r.downloadOf(title, r[format])}
            download
          >
            {r.download} {r[format]}
          </a>
        ))}
      </p>
      {children}
    </section>
  );
}

const percent = (part: number, whole: number, locale: string) =>
  whole === 0
    ? '—'
    : new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(part / whole);

/** Stock by point, parcels per week, campaign coverage and vouchers, with charts and downloads (issue 12 item 9). */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const r = t.goods.reports;
  const goods = useApi<GoodsReports>(GOODS_REPORTS_PATH);
  const mayReadVouchers = useCan('programme.read');
  return (
    <Page
      title={r.title}
      lead={r.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
      ]}
    >
      <ApiErrorAlert error={goods.error} />
      {goods.loading && <Loading />}
      {goods.data && (
        <>
          <ReportSection id="report-stock" title={r.stock.title} base={GOODS_REPORTS_PATH} report="stock">
            <BarChartFigure
              data={goods.data.stockByPoint.map((p) => ({
                key: p.pointId,
                label: p.pointName,
                value: p.units,
              }))}
              valueName={r.stock.units}
              caption={r.chartNote}
              horizontal
            />
            <DataTable
              caption={r.stock.title}
              rows={goods.data.stockByPoint}
              rowKey={(p) => p.pointId}
              empty={t.goods.none}
              columns={[
                { key: 'point', header: r.stock.point, render: (p) => p.pointName },
                { key: 'comune', header: r.stock.comune, render: (p) => p.comuneName },
                {
                  key: 'lots',
                  header: r.stock.lots,
                  numeric: true,
                  render: (p) => formatNumber(p.lots, locale),
                },
                {
                  key: 'units',
                  header: r.stock.units,
                  numeric: true,
                  render: (p) => formatNumber(p.units, locale),
                },
                {
                  key: 'near',
                  header: r.stock.nearExpiry,
                  numeric: true,
                  render: (p) => formatNumber(p.nearExpiryLots, locale),
                },
              ]}
            />
          </ReportSection>
          <ReportSection
            id="report-parcels"
            title={r.parcels.title}
            base={GOODS_REPORTS_PATH}
            report="parcels"
          >
            <BarChartFigure
              data={goods.data.parcelsByWeek.map((w) => ({
                key: w.week,
                label: formatDate(w.weekStart, locale).slice(0, 5),
                value: w.parcels,
              }))}
              valueName={r.parcels.parcels}
              caption={r.chartNote}
            />
            <DataTable
              caption={r.parcels.title}
              rows={goods.data.parcelsByWeek}
              rowKey={(w) => w.week}
              empty={t.goods.none}
              columns={[
                { key: 'week', header: r.parcels.week, render: (w) => w.week },
                { key: 'from', header: r.parcels.from, render: (w) => formatDate(w.weekStart, locale) },
                {
                  key: 'parcels',
                  header: r.parcels.parcels,
                  numeric: true,
                  render: (w) => formatNumber(w.parcels, locale),
                },
                {
                  key: 'delivered',
                  header: r.parcels.delivered,
                  numeric: true,
                  render: (w) => formatNumber(w.delivered, locale),
                },
                {
                  key: 'picked',
                  header: r.parcels.pickedUp,
                  numeric: true,
                  render: (w) => formatNumber(w.pickedUp, locale),
                },
              ]}
            />
          </ReportSection>
          <ReportSection
            id="report-campaigns"
            title={r.campaigns.title}
            base={GOODS_REPORTS_PATH}
            report="campaigns"
          >
            <BarChartFigure
              data={goods.data.campaignCoverage.map((c) => ({
                key: `${c.campaignId}:${c.comuneCode}`,
                label: `${c.comuneName} · ${c.campaignName}`,
                value: c.reached,
              }))}
              valueName={r.campaigns.reached}
              caption={r.chartNote}
              horizontal
            />
            <DataTable
              caption={r.campaigns.title}
              rows={goods.data.campaignCoverage}
              rowKey={(c) => `${c.campaignId}:${c.comuneCode}`}
              empty={t.goods.none}
              columns={[
                { key: 'campaign', header: r.campaigns.campaign, render: (c) => c.campaignName },
                { key: 'comune', header: r.campaigns.comune, render: (c) => c.comuneName },
                {
                  key: 'eligible',
                  header: r.campaigns.eligible,
                  numeric: true,
                  render: (c) => formatNumber(c.eligible, locale),
                },
                {
                  key: 'reached',
                  header: r.campaigns.reached,
                  numeric: true,
                  render: (c) => formatNumber(c.reached, locale),
                },
                {
                  key: 'coverage',
                  header: r.campaigns.coverage,
                  numeric: true,
                  render: (c) => percent(c.reached, c.eligible, locale),
                },
              ]}
            />
          </ReportSection>
        </>
      )}
      {mayReadVouchers && <VoucherReportSections />}
    </Page>
  );
}

function VoucherReportSections() {
  const { t, locale } = useI18n();
  const v = t.goods.reports.vouchers;
  const report = useApi<VoucherReports>(VOUCHER_REPORTS_PATH);
  const territory = useTerritory();
  const byComune = new Map((report.data?.byComune ?? []).map((c) => [c.comuneCode, c]));
  return (
    <>
      <ApiErrorAlert error={report.error ?? territory.error} />
      {report.loading && <Loading />}
      {report.data && (
        <>
          <ReportSection
            id="report-vouchers-comuni"
            title={v.comuniTitle}
            base={VOUCHER_REPORTS_PATH}
            report="comuni"
          >
            <h3 className="h5">{v.mapTitle}</h3>
            <ShareMap
              comuni={territory.comuni.filter((c) => byComune.has(c.istatCode))}
              value={(c) => {
                const row = byComune.get(c.istatCode);
                return row && row.issuedCents > 0 ? row.redeemedCents / row.issuedCents : null;
              }}
              caption={t.goods.reports.chartNote}
            />
            <DataTable
              caption={v.comuniTitle}
              rows={report.data.byComune}
              rowKey={(c) => c.comuneCode}
              empty={t.goods.none}
              columns={[
                { key: 'comune', header: v.comune, render: (c) => c.comuneName },
                {
                  key: 'issued',
                  header: v.issued,
                  numeric: true,
                  render: (c) => formatNumber(c.issued, locale),
                },
                {
                  key: 'issuedAmount',
                  header: v.issuedAmount,
                  numeric: true,
                  render: (c) => formatCents(c.issuedCents, locale),
                },
                {
                  key: 'redeemed',
                  header: v.redeemed,
                  numeric: true,
                  render: (c) => formatNumber(c.redeemed, locale),
                },
                {
                  key: 'redeemedAmount',
                  header: v.redeemedAmount,
                  numeric: true,
                  render: (c) => formatCents(c.redeemedCents, locale),
                },
              ]}
            />
          </ReportSection>
          <ReportSection
            id="report-vouchers-shops"
            title={v.shopsTitle}
            base={VOUCHER_REPORTS_PATH}
            report="shops"
          >
            <BarChartFigure
              data={report.data.byShop.map((s) => ({
                key: s.shopId,
                label: s.shopName,
                value: Math.round(s.redeemedCents / 100),
              }))}
              valueName={v.euros}
              caption={t.goods.reports.chartNote}
              horizontal
            />
            <DataTable
              caption={v.shopsTitle}
              rows={report.data.byShop}
              rowKey={(s) => s.shopId}
              empty={t.goods.none}
              columns={[
                { key: 'shop', header: v.shop, render: (s) => s.shopName },
                { key: 'comune', header: v.comune, render: (s) => s.comuneName },
                {
                  key: 'redemptions',
                  header: v.redemptions,
                  numeric: true,
                  render: (s) => formatNumber(s.redemptions, locale),
                },
                {
                  key: 'vouchers',
                  header: v.vouchers,
                  numeric: true,
                  render: (s) => formatNumber(s.vouchers, locale),
                },
                {
                  key: 'amount',
                  header: v.redeemedAmount,
                  numeric: true,
                  render: (s) => formatCents(s.redeemedCents, locale),
                },
              ]}
            />
          </ReportSection>
        </>
      )}
    </>
  );
}

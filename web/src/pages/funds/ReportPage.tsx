import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ProgressReport, Totals } from '../../../../shared/src/funds/funds.schemas';
import { useApi } from '../../api/useApi';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { reportUrl } from '../../features/funds/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { BarChartFigure } from '../../ui/BarChartFigure';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

type Action = ProgressReport['actions'][number];

/** The councillor's answer: every action's status, indicators and spending, with PDF and XLSX downloads. */
export function ReportPage() {
  const { t, locale } = useI18n();
  const r = t.funds.report;
  const { id = '' } = useParams();
  // The date of the previous report: what changed since then (empty: no comparison).
  const [since, setSince] = useState('');
  const sinceDate = /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : undefined;
  const report = useApi<ProgressReport>(reportUrl(id, undefined, sinceDate));
  const canManage = useCan('funds.manage');
  const money = (c: number) => formatCents(c, locale);
  const pct = (v: number) => `${formatNumber(v, locale)} %`;
  const data = report.data;
  const totalsColumns = [
    {
      key: 'c',
      header: t.funds.contribution,
      numeric: true,
      render: (x: { totals: Totals }) => money(x.totals.contributionCents),
    },
    {
      key: 'f',
      header: t.funds.cofinancing,
      numeric: true,
      render: (x: { totals: Totals }) => money(x.totals.cofinancingCents),
    },
    {
      key: 'd',
      header: t.funds.donations,
      numeric: true,
      render: (x: { totals: Totals }) => money(x.totals.donationsCents),
    },
    {
      key: 't',
      header: t.funds.total,
      numeric: true,
      render: (x: { totals: Totals }) => money(x.totals.totalCents),
    },
  ];
  return (
    <Page
      title={data ? r.title(data.project.title) : t.funds.openReport}
      lead={data ? r.asOf(formatDate(data.asOf, locale)) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
      ]}
      actions={
        <div className="d-flex gap-2 flex-wrap">
          {canManage && (
            <Link className="btn btn-outline-primary" to={`/fondi/progetti/${id}/importa`}>
              {t.funds.imports.link}
            </Link>
          )}
          <a className="btn btn-outline-primary" href={reportUrl(id, 'pdf', sinceDate)} download>
            {r.downloadPdf}
          </a>
          <a className="btn btn-outline-primary" href={reportUrl(id, 'xlsx', sinceDate)} download>
            {r.downloadXlsx}
          </a>
        </div>
      }
    >
      <div className="row">
        <TextField
          id="report-since"
          className="col-12 col-md-6 col-lg-4"
          type="date"
          label={r.since}
          hint={r.sinceHint}
          value={since}
          onChange={setSince}
        />
      </div>
      <ApiErrorAlert error={report.error} />
      {report.loading && !data && <Loading />}
      {data && (
        <>
          <h2 className="h4">{r.totals}</h2>
          <DataTable
            caption={r.totals}
            rows={[
              ...data.totals.periods.map((p) => ({ key: p.label, label: p.label, totals: p.totals })),
              { key: '_', label: r.overall, totals: data.totals.overall },
            ]}
            rowKey={(x) => x.key}
            empty={t.funds.none}
            columns={[{ key: 'p', header: t.funds.period, render: (x) => x.label }, ...totalsColumns]}
          />
          <p className="fw-semibold">
            {t.funds.spent}: {money(data.spending.spentCents)} ({pct(data.spending.percentSpent)}) —{' '}
            {t.funds.committed}: {money(data.spending.committedCents)}
          </p>
          {data.since && (
            <p className="fw-semibold" aria-live="polite">
              {r.spentSince(formatDate(data.since, locale))}: {money(data.spending.spentSinceCents)}
            </p>
          )}
          <h2 className="h4 mt-4">{r.actions}</h2>
          <BarChartFigure
            caption={r.chartCaption}
            valueName={t.funds.spent}
            data={data.actions.map((a) => ({
              key: a.id,
              label: `${r.action} ${a.code}`,
              value: Math.round(a.spentCents / 100),
            }))}
          />
          <DataTable
            caption={r.actions}
            rows={data.actions}
            rowKey={(a) => a.id}
            empty={t.funds.none}
            columns={[
              { key: 'code', header: r.action, render: (a: Action) => `${a.code} — ${a.title}` },
              { key: 'status', header: r.status, render: (a: Action) => a.statusLabel },
              {
                key: 'ind',
                header: r.indicators,
                render: (a: Action) =>
                  a.indicators.length === 0
                    ? t.common.none
                    : a.indicators
                        .map(
                          (i) =>
                            `${i.label}: ${i.actualValue}${i.targetValue !== null ? `/${i.targetValue}` : ''}`,
                        )
                        .join('; '),
              },
              {
                key: 'budget',
                header: t.funds.budget,
                numeric: true,
                render: (a: Action) => money(a.budget.totalCents),
              },
              {
                key: 'spent',
                header: t.funds.spent,
                numeric: true,
                render: (a: Action) => money(a.spentCents),
              },
              {
                key: 'pct',
                header: t.funds.percentSpent,
                numeric: true,
                render: (a: Action) => pct(a.percentSpent),
              },
              ...(data.since
                ? [
                    {
                      key: 'since',
                      header: r.spentSince(formatDate(data.since, locale)),
                      numeric: true,
                      render: (a: Action) => money(a.spentSinceCents),
                    },
                  ]
                : []),
            ]}
          />
          {data.actions
            .filter((a) => a.lines.length > 0)
            .map((a) => (
              <section key={a.id} aria-labelledby={`lines-${a.id}`} className="mb-3">
                <h3 id={`lines-${a.id}`} className="h5">
                  {r.interventions}: {r.action} {a.code}
                </h3>
                <ul>
                  {a.lines.map((l) => (
                    <li key={l.id}>
                      <Link to={`/fondi/voci/${l.id}`}>{l.label}</Link> — {money(l.spentCents)} /{' '}
                      {money(l.budgetCents)}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          <h2 className="h4 mt-4">{r.byPartner}</h2>
          <DataTable
            caption={r.byPartner}
            rows={data.partners}
            rowKey={(p) => p.partnerId ?? p.name}
            empty={t.funds.none}
            columns={[
              { key: 'name', header: r.partner, render: (p) => p.name },
              ...totalsColumns.map((c) => ({
                ...c,
                render: (p: { budget: Totals }) => c.render({ totals: p.budget }),
              })),
              { key: 'spent', header: t.funds.spent, numeric: true, render: (p) => money(p.spentCents) },
              { key: 'pct', header: t.funds.percentSpent, numeric: true, render: (p) => pct(p.percentSpent) },
            ]}
          />
          {data.campaigns.length > 0 && (
            <>
              <h2 className="h4 mt-4">{r.campaigns}</h2>
              <DataTable
                caption={r.campaigns}
                rows={data.campaigns}
                rowKey={(c) => c.id}
                empty={t.funds.none}
                columns={[
                  { key: 'title', header: r.campaigns, render: (c) => c.title },
                  {
                    key: 'donors',
                    header: r.donors,
                    numeric: true,
                    render: (c) => formatNumber(c.donors, locale),
                  },
                  { key: 'raised', header: r.raised, numeric: true, render: (c) => money(c.raisedCents) },
                  {
                    key: 'contacts',
                    header: r.contacts,
                    numeric: true,
                    render: (c) => formatNumber(c.contacts, locale),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}

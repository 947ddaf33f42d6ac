import { useParams, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { AssessmentComparison, CaseDetail } from '../../../../shared/src/cases/cases.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { casePath, comparePath } from '../../features/cases/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import '../../features/cases/cases.css';

type DomainChange = AssessmentComparison['domains'][number];
const TREND_TONES: Record<DomainChange['trend'], BadgeTone> = {
  improved: 'success',
  worsened: 'danger',
  unchanged: 'neutral',
};
// Both at least 3:1 against white (WCAG 1.4.11): the earlier assessment grey, the later one blue.
const BEFORE = '#5c6f82';
const AFTER = '#0066cc';
const INK = '#1a1a1a';

/** One domain's need before and after, as two bars; the figures are in the table beside it. */
function DomainChart({
  domain,
  beforeLabel,
  afterLabel,
  caption,
}: {
  domain: DomainChange;
  beforeLabel: string;
  afterLabel: string;
  caption: string;
}) {
  const data = [
    { key: 'before', label: beforeLabel, value: domain.before },
    { key: 'after', label: afterLabel, value: domain.after },
  ];
  return (
    <figure className="col-12 col-md-6 col-xl-4 mb-4">
      <h3 className="h6">{domain.label}</h3>
      <div aria-hidden="true" className="case-domain-chart" style={{ width: '100%', height: 200 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fill: INK, fontSize: 13 }} interval={0} />
            <YAxis
              domain={[0, Math.max(domain.max, 1)]}
              allowDecimals={false}
              width={32}
              tick={{ fill: INK, fontSize: 13 }}
            />
            <Bar dataKey="value" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.key} fill={d.key === 'before' ? BEFORE : AFTER} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="form-text">{caption}</figcaption>
    </figure>
  );
}

/** Two assessments side by side: per domain a chart and the answers that changed, and the scales. */
export function ComparePage() {
  const { t, locale } = useI18n();
  const c = t.cases.compare;
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const from = params.get('da') ?? '';
  const to = params.get('a') ?? '';
  const detail = useApi<CaseDetail>(casePath(id));
  const comparison = useApi<AssessmentComparison>(from && to ? comparePath(id, from, to) : null);
  const data = comparison.data;
  const name = detail.data ? `${detail.data.person.givenName} ${detail.data.person.familyName}` : '';
  const fromDate = data ? formatDate(data.from.assessedOn, locale) : '';
  const toDate = data ? formatDate(data.to.assessedOn, locale) : '';
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Page
      title={c.title}
      lead={data ? c.lead(fromDate, toDate) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.destinations.cases.title, to: '/fascicoli' },
        { label: name ? t.cases.page.title(name) : t.cases.page.loading, to: `/fascicoli/${id}` },
      ]}
    >
      <ApiErrorAlert error={comparison.error ?? detail.error} />
      {comparison.loading && <Loading />}
      {data && (
        <>
          <section aria-labelledby="compare-charts">
            <h2 id="compare-charts" className="h4">
              {c.table}
            </h2>
            <div className="row">
              {data.domains.map((d) => (
                <DomainChart
                  key={d.key}
                  domain={d}
                  beforeLabel={fromDate}
                  afterLabel={toDate}
                  caption={c.chartCaption(d.label)}
                />
              ))}
            </div>
            <DataTable
              caption={c.table}
              rows={data.domains}
              rowKey={(d) => d.key}
              empty={t.common.none}
              columns={[
                { key: 'domain', header: c.domain, render: (d) => d.label },
                {
                  key: 'before',
                  header: `${c.before} (${fromDate})`,
                  numeric: true,
                  render: (d) => `${d.before} / ${d.max}`,
                },
                {
                  key: 'after',
                  header: `${c.after} (${toDate})`,
                  numeric: true,
                  render: (d) => `${d.after} / ${d.max}`,
                },
                { key: 'delta', header: c.delta, numeric: true, render: (d) => signed(d.delta) },
                {
                  key: 'trend',
                  header: c.trend,
                  render: (d) => <Badge tone={TREND_TONES[d.trend]}>{c.trends[d.trend] ?? d.trend}</Badge>,
                },
                {
                  key: 'changed',
                  header: c.changed,
                  render: (d) =>
                    d.changedItems.length === 0
                      ? t.common.none
                      : d.changedItems
                          .map((i) => `${i.label}: ${i.before ?? '—'} → ${i.after ?? '—'}`)
                          .join('; '),
                },
              ]}
            />
          </section>
          <section aria-labelledby="compare-scales" className="mt-4">
            <h2 id="compare-scales" className="h4">
              {c.scales}
            </h2>
            <DataTable
              caption={c.scales}
              rows={[
                { key: 'adl', label: 'Katz ADL', max: 6, ...data.adl },
                { key: 'iadl', label: 'Lawton IADL', max: 8, ...data.iadl },
              ]}
              rowKey={(r) => r.key}
              empty={t.common.none}
              columns={[
                { key: 'scale', header: c.domain, render: (r) => r.label },
                {
                  key: 'before',
                  header: `${c.before} (${fromDate})`,
                  numeric: true,
                  render: (r) => t.cases.assessment.score(r.before, r.max),
                },
                {
                  key: 'after',
                  header: `${c.after} (${toDate})`,
                  numeric: true,
                  render: (r) => t.cases.assessment.score(r.after, r.max),
                },
              ]}
            />
          </section>
        </>
      )}
    </Page>
  );
}

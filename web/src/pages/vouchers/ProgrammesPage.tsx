import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Application, FraudSignal, Programme } from '../../../../shared/src/vouchers/vouchers.schemas';
import { useApi } from '../../api/useApi';
import { PROGRAMMES_PATH, applicationsPath, programmePath, signalsPath } from '../../features/vouchers/api';
import { STATUS_TONE } from '../../features/vouchers/statusTone';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

type Status = Application['status'];

/** Vouchers and economic-support programmes with their budget and spending live. */
export function ProgrammesPage() {
  const { t, locale } = useI18n();
  const p = t.vouchers.programmes;
  const programmes = useApi<Programme[]>(PROGRAMMES_PATH);
  const money = (cents: number) => formatCents(cents, locale);
  return (
    <Page title={p.title} lead={p.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <ApiErrorAlert error={programmes.error} />
      {programmes.loading && <Loading />}
      <DataTable
        caption={p.title}
        rows={programmes.data ?? []}
        rowKey={(x) => x.id}
        empty={t.goods.none}
        columns={[
          { key: 'name', header: p.name, render: (x) => <Link to={`/programmi/${x.id}`}>{x.name}</Link> },
          { key: 'kind', header: p.kind, render: (x) => p.kinds[x.kind] },
          { key: 'comune', header: p.comune, render: (x) => x.comuneName },
          {
            key: 'validity',
            header: p.validity,
            render: (x) => p.period(formatDate(x.validFrom, locale), formatDate(x.validUntil, locale)),
          },
          { key: 'budget', header: p.budget, numeric: true, render: (x) => money(x.budget.budgetCents) },
          {
            key: 'committed',
            header: p.committed,
            numeric: true,
            render: (x) => money(x.budget.committedCents),
          },
          {
            key: 'available',
            header: p.available,
            numeric: true,
            render: (x) => money(x.budget.availableCents),
          },
          {
            key: 'spent',
            header: p.spent,
            numeric: true,
            render: (x) => money(x.budget.redeemedCents + x.budget.paidCents),
          },
        ]}
      />
    </Page>
  );
}

/** One programme: its budget, the applications to check and decide, the fraud signals. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const p = t.vouchers.programmes;
  const [status, setStatus] = useState<Status | ''>('submitted');
  const programme = useApi<Programme>(programmePath(id));
  const applications = useApi<Application[]>(applicationsPath(id, status || undefined));
  const signals = useApi<FraudSignal[]>(signalsPath(id));
  const money = (cents: number) => formatCents(cents, locale);
  const x = programme.data;
  return (
    <Page
      title={x?.name ?? p.title}
      lead={x ? `${p.kinds[x.kind]} · ${x.comuneName}` : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: p.title, to: '/programmi' },
      ]}
    >
      <ApiErrorAlert error={programme.error} />
      {programme.loading && <Loading />}
      {x && (
        <DetailList
          items={[
            {
              term: p.validity,
              value: p.period(formatDate(x.validFrom, locale), formatDate(x.validUntil, locale)),
            },
            { term: p.budget, value: money(x.budget.budgetCents) },
            { term: p.committed, value: money(x.budget.committedCents) },
            { term: p.available, value: money(x.budget.availableCents) },
            ...(x.kind === 'voucher'
              ? [
                  { term: p.vouchersIssued, value: formatNumber(x.budget.vouchersIssued, locale) },
                  { term: p.redeemed, value: money(x.budget.redeemedCents) },
                ]
              : [{ term: p.paid, value: money(x.budget.paidCents) }]),
            {
              term: p.requiredDocuments,
              value: x.requiredDocuments.length ? x.requiredDocuments.join(', ') : t.common.none,
            },
          ]}
        />
      )}
      <section aria-labelledby="applications-title" className="my-4">
        <h2 id="applications-title" className="h4">
          {p.applications}
        </h2>
        <SelectField
          id="applications-status"
          label={p.filterStatus}
          value={status}
          onChange={(v) => setStatus(v as Status | '')}
          placeholder={t.common.all}
          options={(Object.keys(p.statuses) as Status[]).map((s) => ({
            value: s,
            label: `${p.statuses[s]} (${formatNumber(x?.applications[s] ?? 0, locale)})`,
          }))}
          style={{ maxWidth: '20rem' }}
        />
        <ApiErrorAlert error={applications.error} />
        {applications.loading && <Loading />}
        {applications.data && <p role="status">{p.applicationsCount(applications.data.length)}</p>}
        <DataTable
          caption={p.applications}
          rows={applications.data ?? []}
          rowKey={(a) => a.id}
          empty={t.goods.none}
          columns={[
            {
              key: 'person',
              header: p.applicant,
              render: (a) => (
                <Link to={`/domande/${a.id}`} aria-label={p.open(a.personName)}>
                  {a.personName}
                </Link>
              ),
            },
            { key: 'comune', header: p.comune, render: (a) => a.comuneName },
            {
              key: 'size',
              header: p.householdSize,
              numeric: true,
              render: (a) => formatNumber(a.householdSize, locale),
            },
            {
              key: 'amount',
              header: p.amount,
              numeric: true,
              render: (a) => money(a.amountCents ?? a.proposedAmountCents),
            },
            {
              key: 'status',
              header: p.status,
              render: (a) => <Badge tone={STATUS_TONE[a.status]}>{p.statuses[a.status]}</Badge>,
            },
            {
              key: 'checks',
              header: p.problems,
              render: (a) => p.problemsCount(a.eligibilityProblems.length + a.missingDocuments.length),
            },
          ]}
        />
      </section>
      <section aria-labelledby="signals-title">
        <h2 id="signals-title" className="h4">
          {p.signals}
        </h2>
        <ApiErrorAlert error={signals.error} />
        {signals.data && signals.data.length === 0 && <p>{p.signalsNone}</p>}
        <ul>
          {(signals.data ?? []).map((s) => (
            <li key={s.id}>
              {p.signalKinds[s.kind]} · {formatDateTime(s.createdAt, locale)}
              {s.applicationId && (
                <>
                  {' · '}
                  <Link to={`/domande/${s.applicationId}`}>{p.applications}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

import { Link } from 'react-router';
import type { FundLine } from '../../../../shared/src/funds/funds.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCents } from '../../i18n/money';
import { formatDateTime } from '../../i18n/format';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

interface ProjectRow {
  id: string;
  title: string;
  startYear: number;
  endYear: number;
  partnersCount: number;
  adherentsCount: number;
  budget: { totalCents: number };
}
interface AllocationRow {
  id: string;
  title: string;
  totalCents: number;
  createdAt: string;
  shares: unknown[];
}

/** Projects with their budget and the history of allocations. */
export function FundsPage() {
  const { t, locale } = useI18n();
  const canManage = useCan('funds.manage');
  const projects = useApi<ProjectRow[]>('/api/projects');
  const allocations = useApi<AllocationRow[]>(canManage ? '/api/allocations' : null);
  // A comune's social services and a partner see the lines they spend on (their share, their budget).
  const canSpend = useCan('funds.spend') && !canManage;
  const lines = useApi<FundLine[]>(canSpend ? '/api/funds/lines' : null);
  const ownLines = (lines.data ?? []).filter((l) => l.abilities.spend && l.parentLineId === null);
  return (
    <Page
      title={t.funds.title}
      lead={t.funds.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        <div className="d-flex flex-wrap gap-2">
          <Link className="btn btn-outline-primary" to="/fondi/campagne">
            {t.funds.campaigns.link}
          </Link>
          {canManage && (
            <Link className="btn btn-primary" to="/fondi/riparti/nuovo">
              {t.funds.newAllocation}
            </Link>
          )}
        </div>
      }
    >
      <ApiErrorAlert error={projects.error ?? allocations.error ?? lines.error} />
      {projects.loading && <Loading />}
      {canSpend && (
        <>
          <h2 className="h4">{t.funds.ownLines}</h2>
          <DataTable
            caption={t.funds.ownLines}
            rows={ownLines}
            rowKey={(l) => l.id}
            empty={t.funds.none}
            columns={[
              {
                key: 'label',
                header: t.funds.line.title,
                render: (l) => <Link to={`/fondi/voci/${l.id}`}>{l.label}</Link>,
              },
              {
                key: 'budget',
                header: t.funds.budget,
                numeric: true,
                render: (l) => formatCents(l.balance.budgetCents, locale),
              },
              {
                key: 'spent',
                header: t.funds.spent,
                numeric: true,
                render: (l) => formatCents(l.balance.spentCents, locale),
              },
              {
                key: 'available',
                header: t.funds.available,
                numeric: true,
                render: (l) => formatCents(l.balance.availableCents, locale),
              },
            ]}
          />
        </>
      )}
      <h2 className="h4">{t.funds.projects}</h2>
      <DataTable
        caption={t.funds.projects}
        rows={projects.data ?? []}
        rowKey={(p) => p.id}
        empty={t.funds.none}
        columns={[
          {
            key: 'title',
            header: t.funds.projects,
            render: (p) => <Link to={`/fondi/progetti/${p.id}`}>{p.title}</Link>,
          },
          { key: 'years', header: t.funds.period, render: (p) => `${p.startYear}–${p.endYear}` },
          {
            key: 'partners',
            header: t.funds.report.partner,
            render: (p) => t.funds.partners(p.partnersCount, p.adherentsCount),
          },
          {
            key: 'budget',
            header: t.funds.budget,
            numeric: true,
            render: (p) => formatCents(p.budget.totalCents, locale),
          },
        ]}
      />
      {canManage && (
        <>
          <h2 className="h4 mt-4">{t.funds.allocation.history}</h2>
          <DataTable
            caption={t.funds.allocation.history}
            rows={allocations.data ?? []}
            rowKey={(a) => a.id}
            empty={t.funds.none}
            columns={[
              {
                key: 'title',
                header: t.funds.allocations,
                render: (a) => <Link to={`/fondi/riparti/${a.id}`}>{a.title}</Link>,
              },
              { key: 'when', header: t.funds.line.date, render: (a) => formatDateTime(a.createdAt, locale) },
              {
                key: 'n',
                header: t.funds.allocation.comune,
                numeric: true,
                render: (a) => String(a.shares.length),
              },
              {
                key: 'total',
                header: t.funds.total,
                numeric: true,
                render: (a) => formatCents(a.totalCents, locale),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}

import { Link } from 'react-router';
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
  return (
    <Page
      title={t.funds.title}
      lead={t.funds.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        canManage ? (
          <Link className="btn btn-primary" to="/fondi/riparti/nuovo">
            {t.funds.newAllocation}
          </Link>
        ) : undefined
      }
    >
      <ApiErrorAlert error={projects.error ?? allocations.error} />
      {projects.loading && <Loading />}
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

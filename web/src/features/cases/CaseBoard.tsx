import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  CASE_AREAS,
  type Board,
  type CaseArea,
  type CaseSummary,
} from '../../../../shared/src/cases/cases.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { useFilterDraft } from '../../ui/useFilterDraft';
import { useUrlFilter } from '../../ui/useUrlFilter';
import { useMe } from '../session/SessionProvider';
import { ComuneSelect } from '../territory/ComuneSelect';
import { comuniOfMemberships } from '../territory/territoryOf';
import { useTerritory } from '../territory/useTerritory';
import { boardPath } from './api';
import './cases.css';

const BOARD_FILTER_KEYS = ['area', 'comune'] as const;
type BoardFilter = Record<(typeof BOARD_FILTER_KEYS)[number], string>;

const caseLink = (caseId: string, text: string) => <Link to={`/fascicoli/${caseId}`}>{text}</Link>;
const nameOf = (c: CaseSummary) => `${c.person.givenName} ${c.person.familyName}`;

function BoardFilters({ value, onApply }: { value: BoardFilter; onApply: (f: BoardFilter) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const territory = useTerritory();
  const { draft, set, submit } = useFilterDraft(value, onApply);
  return (
    <form role="search" onSubmit={submit} className="mb-4" aria-label={t.cases.board.filters}>
      <div className="row align-items-end">
        <SelectField
          id="board-area"
          className="col-12 col-md-6 col-xl-4"
          label={t.cases.fields.area}
          value={draft.area}
          onChange={set('area')}
          options={CASE_AREAS.map((a) => ({ value: a, label: t.cases.areas[a] }))}
          placeholder={t.common.all}
        />
        <ComuneSelect
          id="board-comune"
          className="col-12 col-md-6 col-xl-4"
          label={t.cases.fields.comune}
          value={draft.comune}
          onChange={set('comune')}
          comuni={comuniOfMemberships(me, territory.comuni)}
          ambiti={territory.ambiti}
          placeholder={t.common.all}
        />
        <div className="col-12 col-xl-4 mb-3">
          <button type="submit" className="btn btn-primary">
            {t.common.search}
          </button>
        </div>
      </div>
    </form>
  );
}

function BoardSection({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mb-4">
      <h3 id={id} className="h4">
        {title} <span className="badge bg-primary align-middle">{count}</span>
      </h3>
      {children}
    </section>
  );
}

function CasesTable({ caption, rows }: { caption: string; rows: CaseSummary[] }) {
  const { t, locale } = useI18n();
  const c = t.cases;
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      empty={c.board.nothing}
      columns={[
        { key: 'person', header: c.fields.person, render: (r) => caseLink(r.id, nameOf(r)) },
        { key: 'area', header: c.fields.area, render: (r) => c.areas[r.area] },
        { key: 'comune', header: c.fields.comune, render: (r) => r.comuneName },
        { key: 'responsible', header: c.fields.responsible, render: (r) => r.responsible.name },
        { key: 'opened', header: c.fields.openedOn, render: (r) => formatDate(r.openedOn, locale) },
        {
          key: 'flags',
          header: c.fields.status,
          render: (r) => (
            <span className="d-flex flex-wrap gap-1">
              <Badge tone={r.status === 'open' ? 'info' : 'neutral'}>{c.statuses[r.status]}</Badge>
              {r.flags.lateDischarge && <Badge tone="danger">{c.discharge.red}</Badge>}
              {r.flags.reviewDue && <Badge tone="warning">{c.plan.reviewDue}</Badge>}
              {r.flags.budgetNearCap && <Badge tone="warning">{c.budget.nearCap}</Badge>}
            </span>
          ),
        },
      ]}
    />
  );
}

/**
 * The social worker's board: their cases, reviews due, late discharge steps (in red), budgets
 * close to the cap and new referrals, filtered by area and comune (kept in the URL).
 */
export function CaseBoard() {
  const { t, locale } = useI18n();
  const b = t.cases.board;
  const { filter, apply, key } = useUrlFilter(BOARD_FILTER_KEYS);
  const board = useApi<Board>(
    boardPath({
      area: (filter.area || undefined) as CaseArea | undefined,
      comune: filter.comune || undefined,
    }),
  );
  const data = board.data;
  return (
    <section aria-labelledby="case-board" aria-busy={board.loading} className="mb-4">
      <h2 id="case-board" className="h3 mb-3">
        {b.title}
      </h2>
      <BoardFilters key={key} value={filter} onApply={apply} />
      <ApiErrorAlert error={board.error} />
      {board.loading && !data && <Loading />}
      {data && (
        <>
          <BoardSection id="board-late" title={b.lateSteps} count={data.lateDischargeSteps.length}>
            {data.lateDischargeSteps.length === 0 ? (
              <p className="text-muted">{b.nothing}</p>
            ) : (
              <ul className="list-unstyled">
                {data.lateDischargeSteps.map((s) => (
                  <li key={s.stepId} className="case-late p-3 mb-2">
                    <Badge tone="danger">{b.late}</Badge> <strong>{caseLink(s.caseId, s.personName)}</strong>:{' '}
                    {s.label} — {formatDate(s.deadline, locale)}, {b.daysLate(s.daysLate)}
                    {s.responsible ? ` (${s.responsible})` : ''}
                  </li>
                ))}
              </ul>
            )}
          </BoardSection>
          <BoardSection id="board-mine" title={b.myCases} count={data.myCases.length}>
            <CasesTable caption={b.myCases} rows={data.myCases} />
          </BoardSection>
          <BoardSection id="board-reviews" title={b.reviewsDue} count={data.reviewsDue.length}>
            <DataTable
              caption={b.reviewsDue}
              rows={data.reviewsDue}
              rowKey={(r) => r.planId}
              empty={b.nothing}
              columns={[
                {
                  key: 'person',
                  header: t.cases.fields.person,
                  render: (r) => caseLink(r.caseId, r.personName),
                },
                { key: 'plan', header: t.cases.plan.title, render: (r) => r.title },
                {
                  key: 'date',
                  header: t.cases.plan.reviewDate,
                  render: (r) => formatDate(r.reviewDate, locale),
                },
              ]}
            />
          </BoardSection>
          <BoardSection id="board-budgets" title={b.budgetsNearCap} count={data.budgetsNearCap.length}>
            <DataTable
              caption={b.budgetsNearCap}
              rows={data.budgetsNearCap}
              rowKey={(r) => r.budgetId}
              empty={b.nothing}
              columns={[
                {
                  key: 'person',
                  header: t.cases.fields.person,
                  render: (r) => caseLink(r.caseId, r.personName),
                },
                {
                  key: 'cap',
                  header: t.cases.budget.cap,
                  numeric: true,
                  render: (r) => formatCents(r.capCents, locale),
                },
                {
                  key: 'spent',
                  header: t.cases.budget.spent,
                  numeric: true,
                  render: (r) => formatCents(r.spentCents, locale),
                },
                {
                  key: 'remaining',
                  header: t.cases.budget.remaining,
                  numeric: true,
                  render: (r) => formatCents(r.remainingCents, locale),
                },
              ]}
            />
          </BoardSection>
          <BoardSection id="board-referrals" title={b.newReferrals} count={data.newReferrals.length}>
            <CasesTable caption={b.newReferrals} rows={data.newReferrals} />
          </BoardSection>
        </>
      )}
    </section>
  );
}

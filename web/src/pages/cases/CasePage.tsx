import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { CaseDetail } from '../../../../shared/src/cases/cases.schemas';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { casePath } from '../../features/cases/api';
import { BreakGlassDialog } from '../../features/cases/BreakGlassDialog';
import { CaseStatusForm } from '../../features/cases/CaseStatusForm';
import { DischargeForm, DischargeList } from '../../features/cases/DischargePanel';
import { DocumentsPanel } from '../../features/cases/DocumentsPanel';
import { PlanCard } from '../../features/cases/PlanCard';
import { TimelinePanel } from '../../features/cases/TimelinePanel';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

export interface CaseNotice {
  notice: string;
}

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="mb-5">
      <div className="d-flex flex-wrap gap-2 align-items-center justify-content-between mb-2">
        <h2 id={`${id}-title`} className="h3 mb-0">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function CompareChooser({ caseData }: { caseData: CaseDetail }) {
  const { t, locale } = useI18n();
  const a = t.cases.assessment;
  const navigate = useNavigate();
  const sorted = [...caseData.assessments].sort((x, y) => (x.assessedOn < y.assessedOn ? -1 : 1));
  const [from, setFrom] = useState(sorted.at(-2)?.id ?? '');
  const [to, setTo] = useState(sorted.at(-1)?.id ?? '');
  if (sorted.length < 2) return <p className="text-muted">{a.needTwo}</p>;
  const options = sorted.map((x) => ({ value: x.id, label: formatDate(x.assessedOn, locale) }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void navigate(`/fascicoli/${caseData.id}/valutazioni/confronto?da=${from}&a=${to}`);
  };
  return (
    <form onSubmit={onSubmit} className="row align-items-end" aria-label={a.compare}>
      <SelectField
        id="compare-from"
        className="col-12 col-md-4"
        label={a.compareFrom}
        value={from}
        onChange={setFrom}
        options={options}
      />
      <SelectField
        id="compare-to"
        className="col-12 col-md-4"
        label={a.compareTo}
        value={to}
        onChange={setTo}
        options={options}
      />
      <div className="col-12 col-md-4 mb-3">
        <button type="submit" className="btn btn-outline-primary">
          {a.compare}
        </button>
      </div>
    </form>
  );
}

/**
 * A case file: who and why, the story across Legami, assessments, plans with their budgets,
 * protected discharges and documents. Another team's social worker sees only the emergency access.
 */
export function CasePage() {
  const { t, locale } = useI18n();
  const c = t.cases;
  const { id = '' } = useParams();
  const arrived = (useLocation().state as Partial<CaseNotice> | null)?.notice;
  const [generation, setGeneration] = useState(0);
  const [showDischargeForm, setShowDischargeForm] = useState(false);
  const detail = useApi<CaseDetail>(casePath(id));
  const changed = () => {
    setGeneration((g) => g + 1);
    setShowDischargeForm(false);
    detail.reload();
  };
  const data = detail.data;
  const needsBreakGlass =
    detail.error instanceof ApiError && detail.error.code === 'CASE_BREAK_GLASS_REQUIRED';
  const name = data ? `${data.person.givenName} ${data.person.familyName}` : '';
  const none = t.common.none;

  return (
    <Page
      title={data ? c.page.title(name) : c.page.loading}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.destinations.cases.title, to: '/fascicoli' },
      ]}
    >
      {arrived && <SuccessAlert>{arrived}</SuccessAlert>}
      <ApiErrorAlert error={detail.error}>
        {needsBreakGlass && (
          <div className="mt-3">
            <BreakGlassDialog caseId={id} onOpened={changed} />
          </div>
        )}
      </ApiErrorAlert>
      {detail.loading && !data && <Loading />}
      {data && (
        <>
          {data.access === 'break_glass' && (
            <div className="alert alert-warning">{c.page.breakGlassActive}</div>
          )}
          {!data.abilities.change && data.access !== 'break_glass' && (
            <p className="text-muted">{c.page.readOnly}</p>
          )}
          <DetailList
            items={[
              { term: c.fields.birthDate, value: formatDate(data.person.birthDate, locale) },
              { term: c.fields.codiceFiscale, value: data.person.codiceFiscale ?? none },
              { term: c.fields.address, value: data.person.address ?? none },
              { term: c.fields.phone, value: data.person.phone ?? none },
              { term: c.fields.area, value: c.areas[data.area] },
              { term: c.fields.source, value: c.sources[data.source] },
              {
                term: c.fields.status,
                value: (
                  <span className="d-flex flex-wrap gap-1">
                    <Badge tone={data.status === 'open' ? 'info' : 'neutral'}>
                      {c.statuses[data.status]}
                    </Badge>
                    {data.flags.lateDischarge && <Badge tone="danger">{c.discharge.red}</Badge>}
                    {data.flags.reviewDue && <Badge tone="warning">{c.plan.reviewDue}</Badge>}
                  </span>
                ),
              },
              { term: c.fields.comune, value: data.comuneName },
              { term: c.fields.responsible, value: data.responsible.name },
              { term: c.fields.team, value: data.team.name },
              { term: c.fields.openedOn, value: formatDate(data.openedOn, locale) },
              { term: c.fields.access, value: c.access[data.access] ?? data.access },
              ...(data.outcome ? [{ term: c.fields.outcome, value: data.outcome }] : []),
            ]}
          />
          <p className="mt-3">
            <strong>{c.fields.reason}:</strong> {data.reason}
          </p>
          {data.abilities.manage && <CaseStatusForm key={data.version} caseData={data} onChanged={changed} />}
          <nav aria-label={c.page.sections} className="mb-4">
            <ul className="nav nav-pills flex-wrap gap-2">
              {(['timeline', 'assessments', 'plans', 'discharges', 'documents'] as const).map((s) => (
                <li className="nav-item" key={s}>
                  <a className="nav-link border" href={`#case-${s}`}>
                    {c.page[s]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <Section id="case-timeline" title={c.page.timeline}>
            <TimelinePanel caseId={data.id} canAdd={data.abilities.change} generation={generation} />
          </Section>
          <Section
            id="case-assessments"
            title={c.page.assessments}
            actions={
              data.abilities.change && (
                <Link to={`/fascicoli/${data.id}/valutazioni/nuova`} className="btn btn-primary">
                  {c.assessment.new}
                </Link>
              )
            }
          >
            <DataTable
              caption={c.assessment.list}
              rows={data.assessments}
              rowKey={(x) => x.id}
              empty={none}
              columns={[
                { key: 'on', header: c.assessment.on, render: (x) => formatDate(x.assessedOn, locale) },
                {
                  key: 'adl',
                  header: c.assessment.adl,
                  numeric: true,
                  render: (x) => c.assessment.score(x.adl, 6),
                },
                {
                  key: 'iadl',
                  header: c.assessment.iadl,
                  numeric: true,
                  render: (x) => c.assessment.score(x.iadl, 8),
                },
                {
                  key: 'need',
                  header: c.assessment.need,
                  numeric: true,
                  render: (x) =>
                    `${x.domains.reduce((s, d) => s + d.need, 0)} / ${x.domains.reduce((s, d) => s + d.max, 0)}`,
                },
                { key: 'by', header: c.assessment.assessor, render: (x) => x.assessor?.name ?? none },
              ]}
            />
            <CompareChooser key={data.assessments.length} caseData={data} />
          </Section>
          <Section
            id="case-plans"
            title={c.page.plans}
            actions={
              data.abilities.change && (
                <Link to={`/fascicoli/${data.id}/progetti/nuovo`} className="btn btn-primary">
                  {c.plan.new}
                </Link>
              )
            }
          >
            {data.plans.length === 0 && <p className="text-muted">{c.plan.none}</p>}
            {data.plans.map((p) => (
              <PlanCard
                key={`${p.id}-${p.version}`}
                caseId={data.id}
                plan={p}
                canChange={data.abilities.change}
                onChanged={changed}
              />
            ))}
          </Section>
          <Section
            id="case-discharges"
            title={c.page.discharges}
            actions={
              data.abilities.change &&
              !showDischargeForm && (
                <button type="button" className="btn btn-primary" onClick={() => setShowDischargeForm(true)}>
                  {c.discharge.new}
                </button>
              )
            }
          >
            <DischargeList
              caseId={data.id}
              discharges={data.discharges}
              plans={data.plans}
              canChange={data.abilities.change}
              onChanged={changed}
            />
            {showDischargeForm && <DischargeForm caseId={data.id} onChanged={changed} />}
          </Section>
          <Section id="case-documents" title={c.page.documents}>
            <DocumentsPanel
              caseId={data.id}
              documents={data.documents}
              canUpload={data.abilities.change}
              onChanged={changed}
            />
          </Section>
        </>
      )}
    </Page>
  );
}

import { useState } from 'react';
import type { Asset, Loan } from '../../../../shared/src/goods/distribution.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { assetsPath, loansPath, returnLoan } from '../../features/goods/api';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

type AssetState = Asset['state'];
type Condition = NonNullable<Loan['returnCondition']>;
const STATE_TONE = { available: 'success', out: 'info', overdue: 'danger' } as const;

/** Equipment on loan: what is out, what is overdue, what is available; a return with its condition. */
export function LoansPage() {
  const { t, locale } = useI18n();
  const l = t.goods.loans;
  const [state, setState] = useState<AssetState | ''>('');
  const assets = useApi<Asset[]>(assetsPath(state || undefined));
  const allAssets = useApi<Asset[]>(assetsPath());
  const loans = useApi<Loan[]>(loansPath(true));
  const canManage = useCan('loan.manage');
  const [conditions, setConditions] = useState<Record<string, Condition>>({});
  const [returned, setReturned] = useState<string | null>(null);
  const giveBack = useAction(returnLoan);
  const count = (s: AssetState) => (allAssets.data ?? []).filter((a) => a.state === s).length;

  const registerReturn = async (loan: Loan) => {
    const result = await giveBack.run(loan.id, { condition: conditions[loan.id] ?? 'good' });
    if (result.ok) {
      setReturned(loan.assetLabel);
      loans.reload();
      assets.reload();
      allAssets.reload();
    }
  };

  return (
    <Page
      title={l.title}
      lead={l.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
      ]}
    >
      <ApiErrorAlert error={assets.error ?? loans.error ?? allAssets.error} />
      {allAssets.data && (
        <p className="fw-semibold">{l.summary(count('out'), count('overdue'), count('available'))}</p>
      )}
      {returned && <SuccessAlert>{l.returned(returned)}</SuccessAlert>}
      <section aria-labelledby="open-loans" className="mb-4">
        <h2 id="open-loans" className="h4">
          {l.open}
        </h2>
        <ApiErrorAlert error={giveBack.error} />
        {loans.loading && <Loading />}
        <DataTable
          caption={l.open}
          rows={loans.data ?? []}
          rowKey={(x) => x.id}
          empty={t.goods.none}
          columns={[
            { key: 'asset', header: l.label, render: (x) => `${x.assetLabel} (${x.serialNumber})` },
            { key: 'person', header: l.person, render: (x) => x.personName },
            { key: 'school', header: l.school, render: (x) => x.school ?? t.common.none },
            { key: 'due', header: l.due, render: (x) => formatDate(x.dueDate, locale) },
            {
              key: 'state',
              header: l.state,
              render: (x) => (
                <>
                  <Badge tone={x.state === 'overdue' ? 'danger' : 'info'}>{l.loanStates[x.state]}</Badge>{' '}
                  {x.needsReminder && <Badge tone="warning">{l.reminderDue}</Badge>}
                </>
              ),
            },
            ...(canManage
              ? [
                  {
                    key: 'return',
                    header: l.returnShort,
                    render: (x: Loan) => (
                      <div className="d-flex flex-wrap align-items-end gap-2">
                        <SelectField
                          id={`return-${x.id}`}
                          className="mb-0"
                          label={l.returnCondition(x.assetLabel)}
                          value={conditions[x.id] ?? 'good'}
                          onChange={(v) => setConditions({ ...conditions, [x.id]: v as Condition })}
                          options={Object.entries(l.conditions).map(([value, label]) => ({ value, label }))}
                        />
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          disabled={giveBack.pending}
                          aria-label={l.returnButton(x.assetLabel)}
                          onClick={() => void registerReturn(x)}
                        >
                          {l.returnShort}
                        </button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="assets-title">
        <h2 id="assets-title" className="h4">
          {l.assets}
        </h2>
        <SelectField
          id="assets-state"
          label={l.filterState}
          value={state}
          onChange={(v) => setState(v as AssetState | '')}
          placeholder={t.common.all}
          options={(Object.keys(l.states) as AssetState[]).map((s) => ({ value: s, label: l.states[s] }))}
          style={{ maxWidth: '20rem' }}
        />
        {assets.loading && <Loading />}
        <DataTable
          caption={l.assets}
          rows={assets.data ?? []}
          rowKey={(x) => x.id}
          empty={t.goods.none}
          columns={[
            { key: 'label', header: l.label, render: (x) => x.label },
            { key: 'kind', header: l.kind, render: (x) => l.kinds[x.kind] },
            {
              key: 'serial',
              header: l.serial,
              render: (x) => <span className="font-monospace">{x.serialNumber}</span>,
            },
            { key: 'condition', header: l.condition, render: (x) => l.conditions[x.condition] },
            {
              key: 'state',
              header: l.state,
              render: (x) => <Badge tone={STATE_TONE[x.state]}>{l.states[x.state]}</Badge>,
            },
            {
              key: 'due',
              header: l.due,
              render: (x) => (x.dueDate ? formatDate(x.dueDate, locale) : t.common.none),
            },
          ]}
        />
      </section>
    </Page>
  );
}

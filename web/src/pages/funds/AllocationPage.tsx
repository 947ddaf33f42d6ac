import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Allocation } from '../../../../shared/src/funds/funds.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { AllocationView } from '../../features/funds/AllocationView';
import { confirmAllocation, previewAllocation } from '../../features/funds/api';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

type Method = 'population' | 'over65' | 'equal';

/** Preview an allocation over an Ambito, see every comune's share on a map and in a table, confirm it. */
export function AllocationPage() {
  const { t, locale } = useI18n();
  const f = t.funds.allocation;
  const territory = useTerritory();
  const [amount, setAmount] = useState('300.000,00');
  const [ambito, setAmbito] = useState('CREMA');
  const [method, setMethod] = useState<Method>('population');
  const [bySubAmbito, setBySubAmbito] = useState(true);
  const [title, setTitle] = useState('Riparto PNRR domiciliarità');
  const [amountError, setAmountError] = useState<string>();
  const [result, setResult] = useState<Allocation | null>(null);
  const preview = useAction(previewAllocation);
  const confirm = useAction(confirmAllocation);
  const fieldErrors = fieldErrorsOf(preview.error ?? confirm.error, t);

  const body = () => {
    const totalCents = parseEuroCents(amount);
    setAmountError(totalCents === null ? f.amountInvalid : undefined);
    return totalCents === null ? null : { totalCents, territory: ambito, method, bySubAmbito, title };
  };
  const onPreview = async (e: FormEvent) => {
    e.preventDefault();
    const b = body();
    if (!b) return;
    const r = await preview.run(b);
    setResult(r.ok ? r.value : null);
  };
  const onConfirm = async () => {
    const b = body();
    if (!b) return;
    const r = await confirm.run(b);
    if (r.ok) setResult(r.value);
  };

  return (
    <Page
      title={f.title}
      lead={f.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
      ]}
    >
      <form onSubmit={onPreview} noValidate className="row">
        <TextField
          id="allocation-amount"
          className="col-12 col-md-6"
          label={f.amount}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          required
          error={amountError ?? fieldErrors.totalCents}
        />
        <SelectField
          id="allocation-ambito"
          className="col-12 col-md-6"
          label={f.ambito}
          value={ambito}
          onChange={setAmbito}
          options={territory.ambiti.map((a) => ({ value: a.id, label: a.name }))}
          error={fieldErrors.territory}
        />
        <SelectField
          id="allocation-method"
          className="col-12 col-md-6"
          label={f.method}
          value={method}
          onChange={(v) => setMethod(v as Method)}
          options={(['population', 'equal', 'over65'] as const).map((m) => ({
            value: m,
            label: f.methods[m]!,
          }))}
          error={fieldErrors.method}
        />
        <TextField
          id="allocation-title"
          className="col-12 col-md-6"
          label={f.name}
          value={title}
          onChange={setTitle}
          error={fieldErrors.title}
        />
        <div className="col-12 mb-3">
          <CheckboxField
            id="allocation-by-sub"
            label={f.bySubAmbito}
            checked={bySubAmbito}
            onChange={setBySubAmbito}
          />
        </div>
        <div className="col-12 mb-4 d-flex gap-2 flex-wrap">
          <button type="submit" className="btn btn-primary" disabled={preview.pending}>
            {f.preview}
          </button>
          {result && result.id === null && (
            <button
              type="button"
              className="btn btn-success"
              onClick={() => void onConfirm()}
              disabled={confirm.pending}
            >
              {f.confirm}
            </button>
          )}
        </div>
      </form>
      <ApiErrorAlert error={preview.error ?? confirm.error} />
      {(preview.pending || confirm.pending) && <Loading />}
      {result && (
        <section aria-live="polite">
          {result.id === null ? (
            <p className="fw-semibold">
              {f.previewNote} {t.funds.total}: {formatCents(result.totalCents, locale)}
            </p>
          ) : (
            <SuccessAlert>
              {f.confirmed} <Link to={`/fondi/riparti/${result.id}`}>{result.title}</Link>
            </SuccessAlert>
          )}
          <AllocationView allocation={result} comuni={territory.comuni} />
        </section>
      )}
    </Page>
  );
}

/** A confirmed allocation: every comune's share and what it has spent, on a map and in a table. */
export function AllocationDetailPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const allocation = useApi<Allocation>(`/api/allocations/${id ?? ''}`);
  const territory = useTerritory();
  return (
    <Page
      title={allocation.data?.title ?? t.funds.allocation.title}
      lead={
        allocation.data ? `${t.funds.total}: ${formatCents(allocation.data.totalCents, locale)}` : undefined
      }
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
      ]}
    >
      <ApiErrorAlert error={allocation.error} />
      {allocation.loading && <Loading />}
      {allocation.data && <AllocationView allocation={allocation.data} comuni={territory.comuni} />}
    </Page>
  );
}

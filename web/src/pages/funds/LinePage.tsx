import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { FundLine, Movement } from '../../../../shared/src/funds/funds.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { recordMovement } from '../../features/funds/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** A budget line: balance, movements, and the expense form (refused over the budget or the cap). */
export function LinePage() {
  const { t, locale } = useI18n();
  const l = t.funds.line;
  const { id } = useParams();
  const line = useApi<FundLine & { movements: Movement[] }>(`/api/funds/lines/${id ?? ''}`);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(todayIso());
  const [supplier, setSupplier] = useState('');
  const [document, setDocument] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const [done, setDone] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const record = useAction((cents: number) =>
    recordMovement(id ?? '', { kind: 'expense', amountCents: cents, occurredOn: date, supplier, document }),
  );
  const fieldErrors = fieldErrorsOf(record.error, t);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const cents = parseEuroCents(amount);
    if (cents === null || cents === 0) {
      setAmountError(t.funds.allocation.amountInvalid);
      amountRef.current?.focus();
      return;
    }
    setAmountError(undefined);
    const r = await record.run(cents);
    if (r.ok) {
      setDone(true);
      setAmount('');
      line.reload();
    } else amountRef.current?.focus();
  };

  const data = line.data;
  return (
    <Page
      title={data?.label ?? l.title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
      ]}
    >
      <ApiErrorAlert error={line.error} />
      {line.loading && !data && <Loading />}
      {data && (
        <>
          <DetailList
            items={[
              { term: t.funds.budget, value: formatCents(data.balance.budgetCents, locale) },
              ...(data.capCents !== null ? [{ term: l.cap, value: formatCents(data.capCents, locale) }] : []),
              { term: t.funds.spent, value: formatCents(data.balance.spentCents, locale) },
              { term: t.funds.committed, value: formatCents(data.balance.committedCents, locale) },
              { term: t.funds.available, value: formatCents(data.balance.availableCents, locale) },
            ]}
          />
          {data.abilities.spend && (
            <section aria-labelledby="expense-title" className="my-4">
              <h2 id="expense-title" className="h4">
                {l.newExpense}
              </h2>
              {done && <SuccessAlert>{l.recorded}</SuccessAlert>}
              <form onSubmit={onSubmit} noValidate className="row">
                <TextField
                  ref={amountRef}
                  id="expense-amount"
                  className="col-12 col-md-6"
                  label={l.amountLabel}
                  value={amount}
                  onChange={setAmount}
                  inputMode="decimal"
                  required
                  error={amountError ?? fieldErrors.amountCents}
                />
                <TextField
                  id="expense-date"
                  className="col-12 col-md-6"
                  type="date"
                  label={l.date}
                  value={date}
                  onChange={setDate}
                  required
                  error={fieldErrors.occurredOn}
                />
                <TextField
                  id="expense-supplier"
                  className="col-12 col-md-6"
                  label={l.supplier}
                  value={supplier}
                  onChange={setSupplier}
                  error={fieldErrors.supplier}
                />
                <TextField
                  id="expense-document"
                  className="col-12 col-md-6"
                  label={l.document}
                  value={document}
                  onChange={setDocument}
                  error={fieldErrors.document}
                />
                <div className="col-12">
                  <button type="submit" className="btn btn-primary" disabled={record.pending}>
                    {l.record}
                  </button>
                </div>
              </form>
            </section>
          )}
          <h2 className="h4">{l.movements}</h2>
          <DataTable
            caption={l.movements}
            rows={data.movements}
            rowKey={(m) => m.id}
            empty={t.funds.none}
            columns={[
              { key: 'date', header: l.date, render: (m) => formatDate(m.occurredOn, locale) },
              { key: 'kind', header: l.kind, render: (m) => l.kinds[m.kind] ?? m.kind },
              { key: 'supplier', header: l.supplier, render: (m) => m.supplier ?? t.common.none },
              { key: 'document', header: l.document, render: (m) => m.document ?? t.common.none },
              {
                key: 'amount',
                header: l.amount,
                numeric: true,
                render: (m) => formatCents(m.amountCents, locale),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}

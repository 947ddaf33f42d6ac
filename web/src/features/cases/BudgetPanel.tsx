import { useRef, useState, type FormEvent } from 'react';
import {
  BUDGET_PROGRAMMES,
  type BudgetSources,
  type Expense,
  type Plan,
} from '../../../../shared/src/cases/cases.schemas';
import { useApi } from '../../api/useApi';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextField } from '../../ui/fields';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { addExpense, budgetSourcesPath, createBudget, reverseExpense } from './api';

type Programme = (typeof BUDGET_PROGRAMMES)[number];

interface BudgetPanelProps {
  caseId: string;
  plan: Plan;
  canChange: boolean;
  onChanged: () => void;
}

/**
 * Opens a plan's budget: the programme, the cap, and the funds line it is drawn from (Fare Legami's
 * inclusion-pact lines, the comune's PNRR home-care share), each with what it has left.
 */
function OpenBudgetForm({ caseId, plan, onChanged }: Omit<BudgetPanelProps, 'canChange'>) {
  const { t, locale } = useI18n();
  const b = t.cases.budget;
  const [programme, setProgramme] = useState<Programme>(
    plan.kind === 'home_care' ? 'pnrr_home_care' : 'fare_legami',
  );
  const [sourceLineId, setSourceLineId] = useState('');
  const [cap, setCap] = useState('');
  const [capError, setCapError] = useState<string>();
  const sources = useApi<BudgetSources>(budgetSourcesPath(caseId));
  const fits = (sources.data?.items ?? []).filter(
    (l) => programme === 'comune' || programme === 'other' || l.programme === programme,
  );
  const open = useAction((capCents: number | undefined) =>
    createBudget(caseId, plan.id, { programme, capCents, sourceLineId: sourceLineId || undefined }),
  );
  const fieldErrors = fieldErrorsOf(open.error, t);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const capCents = cap.trim() ? parseEuroCents(cap) : undefined;
    if (capCents === null || capCents === 0) {
      setCapError(b.amountInvalid);
      return;
    }
    setCapError(undefined);
    if ((await open.run(capCents)).ok) onChanged();
  };
  const sourceError = fieldErrors.sourceLineId;
  return (
    <form onSubmit={onSubmit} noValidate className="row" aria-label={b.open}>
      <SelectField
        id={`budget-programme-${plan.id}`}
        className="col-12 col-md-6"
        label={b.programme}
        value={programme}
        onChange={(v) => {
          setProgramme(v as Programme);
          setSourceLineId('');
        }}
        options={BUDGET_PROGRAMMES.map((p) => ({ value: p, label: b.programmes[p] }))}
        required
      />
      <TextField
        id={`budget-cap-${plan.id}`}
        className="col-12 col-md-6"
        label={b.capLabel}
        value={cap}
        onChange={setCap}
        inputMode="decimal"
        hint={b.capHint}
        error={capError ?? fieldErrors.capCents}
      />
      <SelectField
        id={`budget-source-${plan.id}`}
        className="col-12"
        label={b.source}
        value={sourceLineId}
        onChange={setSourceLineId}
        options={fits.map((l) => ({
          value: l.id,
          label: b.sourceOption(l.label, formatCents(l.availableCents, locale)),
        }))}
        placeholder={programme === 'pnrr_home_care' ? t.common.choose : b.sourceNone}
        required={programme === 'pnrr_home_care'}
        hint={b.sourceHint}
        error={sourceError}
      />
      <div className="col-12">
        <ApiErrorAlert error={sources.error} />
        {!fieldErrors.capCents && !sourceError && <ApiErrorAlert error={open.error} />}
        <button type="submit" className="btn btn-primary" disabled={open.pending}>
          {b.open}
        </button>
      </div>
    </form>
  );
}

/**
 * A plan's personal budget: cap, spent and available; the expenses (a reversal is a new, negative
 * entry, never a deletion); a new expense, refused over the cap with what remains next to the amount.
 */
export function BudgetPanel({ caseId, plan, canChange, onChanged }: BudgetPanelProps) {
  const { t, locale } = useI18n();
  const b = t.cases.budget;
  const budget = plan.budget;
  const [amount, setAmount] = useState('');
  const [spentOn, setSpentOn] = useState(todayIso());
  const [supplier, setSupplier] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [interventionId, setInterventionId] = useState('');
  const [amountError, setAmountError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const amountRef = useRef<HTMLInputElement>(null);
  const expense = useAction((amountCents: number) =>
    addExpense(caseId, plan.id, {
      amountCents,
      spentOn,
      supplier,
      documentRef,
      interventionId: interventionId || null,
    }),
  );
  const [reversing, setReversing] = useState<Expense | null>(null);
  const [reason, setReason] = useState('');
  const reversal = useAction((expenseId: string) => reverseExpense(caseId, plan.id, expenseId, reason));
  const fieldErrors = fieldErrorsOf(expense.error, t);
  const open = plan.state !== 'closed';

  if (!budget)
    return canChange && open ? <OpenBudgetForm caseId={caseId} plan={plan} onChanged={onChanged} /> : null;

  const reversedIds = new Set(budget.expenses.map((e) => e.reversesId).filter(Boolean));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(undefined);
    const cents = parseEuroCents(amount);
    if (cents === null || cents === 0) {
      setAmountError(b.amountInvalid);
      amountRef.current?.focus();
      return;
    }
    setAmountError(undefined);
    const r = await expense.run(cents);
    if (r.ok) {
      setNotice(b.recorded);
      setAmount('');
      onChanged();
    } else amountRef.current?.focus();
  };
  const onReverse = async (e: FormEvent) => {
    e.preventDefault();
    if (!reversing) return;
    setNotice(undefined);
    if ((await reversal.run(reversing.id)).ok) {
      setReversing(null);
      setReason('');
      setNotice(b.reverseDone);
      onChanged();
    }
  };

  return (
    <div>
      <DetailList
        items={[
          { term: b.programme, value: b.programmes[budget.programme] },
          { term: b.cap, value: formatCents(budget.capCents, locale) },
          { term: b.spent, value: formatCents(budget.spentCents, locale) },
          {
            term: b.remaining,
            value: (
              <>
                {formatCents(budget.remainingCents, locale)}{' '}
                {budget.nearCap && <Badge tone="warning">{b.nearCap}</Badge>}
              </>
            ),
          },
        ]}
      />
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      <Dialog
        title={
          reversing
            ? b.reverseTitle(reversing.supplier, formatCents(reversing.amountCents, locale))
            : b.reverse
        }
        closeLabel={t.cases.breakGlass.close}
        open={reversing !== null}
        onClose={() => setReversing(null)}
      >
        <form onSubmit={onReverse} noValidate>
          <TextField
            id={`reversal-reason-${plan.id}`}
            label={b.reverseReason}
            value={reason}
            onChange={setReason}
            required
            maxLength={200}
            error={fieldErrorsOf(reversal.error, t).reason}
          />
          {!fieldErrorsOf(reversal.error, t).reason && <ApiErrorAlert error={reversal.error} />}
          <button type="submit" className="btn btn-primary" disabled={reversal.pending}>
            {b.reverse}
          </button>
        </form>
      </Dialog>
      <h5 className="mt-3">{b.expenses}</h5>
      <DataTable
        caption={`${b.expenses} — ${plan.title}`}
        rows={budget.expenses}
        rowKey={(e) => e.id}
        empty={b.noExpenses}
        columns={[
          { key: 'date', header: b.spentOn, render: (e) => formatDate(e.spentOn, locale) },
          {
            key: 'supplier',
            header: b.supplier,
            render: (e) => (e.reversesId ? `${b.reversal}: ${e.supplier}` : e.supplier),
          },
          { key: 'document', header: b.documentRef, render: (e) => e.documentRef },
          {
            key: 'amount',
            header: b.amount,
            numeric: true,
            render: (e) => formatCents(e.amountCents, locale),
          },
          {
            key: 'actions',
            header: t.common.actions,
            render: (e) =>
              e.reversesId ? null : reversedIds.has(e.id) ? (
                b.reversed
              ) : canChange && open ? (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-xs"
                  onClick={() => {
                    reversal.clearError();
                    setReversing(e);
                  }}
                  aria-label={`${b.reverse}: ${e.supplier}, ${formatCents(e.amountCents, locale)}`}
                >
                  {b.reverse}
                </button>
              ) : null,
          },
        ]}
      />
      {canChange && open && (
        <form onSubmit={onSubmit} noValidate className="row mt-3" aria-labelledby={`expense-${plan.id}`}>
          <h5 id={`expense-${plan.id}`} className="col-12">
            {b.newExpense}
          </h5>
          <TextField
            ref={amountRef}
            id={`expense-amount-${plan.id}`}
            className="col-12 col-md-6"
            label={b.amount}
            value={amount}
            onChange={setAmount}
            inputMode="decimal"
            required
            error={amountError ?? fieldErrors.amountCents}
          />
          <TextField
            id={`expense-date-${plan.id}`}
            className="col-12 col-md-6"
            type="date"
            label={b.spentOn}
            value={spentOn}
            onChange={setSpentOn}
            required
            error={fieldErrors.spentOn}
          />
          <TextField
            id={`expense-supplier-${plan.id}`}
            className="col-12 col-md-6"
            label={b.supplier}
            value={supplier}
            onChange={setSupplier}
            required
            error={fieldErrors.supplier}
          />
          <TextField
            id={`expense-document-${plan.id}`}
            className="col-12 col-md-6"
            label={b.documentRef}
            value={documentRef}
            onChange={setDocumentRef}
            required
            error={fieldErrors.documentRef}
          />
          {plan.interventions.length > 0 && (
            <SelectField
              id={`expense-intervention-${plan.id}`}
              className="col-12"
              label={b.forIntervention}
              value={interventionId}
              onChange={setInterventionId}
              options={plan.interventions.map((i) => ({ value: i.id, label: i.description }))}
              placeholder={t.common.none}
              error={fieldErrors.interventionId}
            />
          )}
          <div className="col-12">
            {Object.keys(fieldErrors).length === 0 && <ApiErrorAlert error={expense.error} />}
            <button type="submit" className="btn btn-primary" disabled={expense.pending}>
              {b.submit}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { centsToInput, formatCents, parseEuroCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { outstandingCents, reimburseTask } from './api';

/** Pays back money a volunteer advanced: the amount still due is proposed, in euros. */
export function ReimburseForm({
  task,
  onDone,
}: {
  task: Task;
  onDone: (task: Task, amountCents: number) => void;
}) {
  const { t, locale } = useI18n();
  const due = outstandingCents(task);
  const [amount, setAmount] = useState(centsToInput(due));
  const [invalid, setInvalid] = useState<string | undefined>();
  const reimburse = useAction((cents: number) => reimburseTask(task.id, cents));
  const errors = fieldErrorsOf(reimburse.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuroCents(amount);
    setInvalid(cents === null || cents === 0 ? t.tasks.amountInvalid : undefined);
    if (cents === null || cents === 0) return;
    const result = await reimburse.run(cents);
    if (result.ok) onDone(result.value, cents);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="fw-semibold">{t.tasks.outstanding(formatCents(due, locale))}</p>
      <ApiErrorAlert error={reimburse.error} />
      <TextField
        id={`reimburse-${task.id}`}
        label={t.tasks.amount}
        hint={t.tasks.amountHint}
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
        error={invalid ?? errors.amountCents}
        autoComplete="off"
        required
      />
      <button type="submit" className="btn btn-primary" disabled={reimburse.pending}>
        {t.tasks.confirmReimburse}
      </button>
    </form>
  );
}

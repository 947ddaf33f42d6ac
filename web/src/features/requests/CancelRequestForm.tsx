import { useState, type FormEvent } from 'react';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextAreaField } from '../../ui/fields';
import { cancelRequest } from './api';

/** Cancels a request that is not closed yet; its open tasks are cancelled with it. */
export function CancelRequestForm({ requestId, onDone }: { requestId: string; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const cancel = useAction(() => cancelRequest(requestId, reason.trim()));
  const errors = fieldErrorsOf(cancel.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await cancel.run()).ok) onDone();
  };
  return (
    <details className="mt-4">
      <summary className="fw-semibold">{t.requests.cancelTitle}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="mt-3">
        <ApiErrorAlert error={cancel.error} />
        <TextAreaField
          id="cancel-reason"
          label={t.requests.cancelReason}
          hint={t.requests.cancelHint}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={500}
          rows={2}
          required
        />
        <button type="submit" className="btn btn-outline-danger" disabled={cancel.pending}>
          {t.requests.confirmCancel}
        </button>
      </form>
    </details>
  );
}

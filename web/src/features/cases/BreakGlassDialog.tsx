import { useRef, useState, type FormEvent } from 'react';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/fields';
import { breakGlass } from './api';

// The server's rule (cases.policy.ts BREAK_GLASS_MIN_REASON), shown as a hint; the server decides.
const MIN_REASON = 15;

/** Emergency access to another team's case: only with a written reason, which the server audits. */
export function BreakGlassDialog({ caseId, onOpened }: { caseId: string; onOpened: () => void }) {
  const t = useT();
  const g = t.cases.breakGlass;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const action = useAction(() => breakGlass(caseId, reason));
  const fieldErrors = fieldErrorsOf(action.error, t);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run();
    if (r.ok) {
      setOpen(false);
      onOpened();
    } else reasonRef.current?.focus();
  };

  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        {g.button}
      </button>
      <Dialog title={g.title} closeLabel={g.close} open={open} onClose={() => setOpen(false)}>
        <p>{g.text}</p>
        <form onSubmit={onSubmit} noValidate>
          <TextAreaField
            ref={reasonRef}
            id="break-glass-reason"
            label={g.reason}
            value={reason}
            onChange={setReason}
            required
            hint={g.reasonHint(MIN_REASON)}
            error={fieldErrors.reason}
          />
          {!fieldErrors.reason && <ApiErrorAlert error={action.error} />}
          <button type="submit" className="btn btn-danger" disabled={action.pending}>
            {g.submit}
          </button>
        </form>
      </Dialog>
    </>
  );
}

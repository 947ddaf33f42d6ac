import { useEffect, useRef, useState } from 'react';
import type { PublishResult, RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { publishPlan } from './api';

/** Publishing a plan, after a confirmation that says what it does and what is still broken. */
export function PublishPanel({
  plan,
  onPublished,
}: {
  plan: RoundPlan;
  onPublished: (result: PublishResult) => void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const publish = useAction(publishPlan);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const stops = plan.rounds.reduce((sum, r) => sum + r.stops.length, 0);
  const warned = plan.rounds.filter((r) => r.warnings.length > 0).length;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    const result = await publish.run(plan.id);
    if (result.ok) onPublished(result.value);
  };

  return (
    <section aria-labelledby="publish-title" className="mt-4 mb-4 p-3 publish-panel">
      <h2 id="publish-title" className="h4">
        {t.rounds.publishTitle}
      </h2>
      <p>{t.rounds.publishLead}</p>
      <ApiErrorAlert error={publish.error} />
      {!confirming ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => setConfirming(true)}
          disabled={plan.rounds.length === 0}
        >
          {t.rounds.publish}
        </button>
      ) : (
        <div className="alert alert-info" role="group" aria-labelledby="publish-confirm-text">
          <p id="publish-confirm-text" className="fw-semibold">
            {t.rounds.publishConfirm(plan.rounds.length, stops)}
          </p>
          {warned > 0 && <p className="text-danger fw-semibold">{t.rounds.publishWithWarnings(warned)}</p>}
          {plan.unserved.length > 0 && <p>{t.rounds.publishWithUnserved(plan.unserved.length)}</p>}
          <div className="d-flex flex-wrap gap-2">
            <button
              ref={confirmButton}
              type="button"
              className="btn btn-primary"
              onClick={() => void confirm()}
              disabled={publish.pending}
            >
              {publish.pending ? t.rounds.publishing : t.rounds.publishConfirmButton}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
              {t.common.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { HelpRequest } from '../../../../shared/src/requests/requests.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { RequestStatusBadge } from '../requests/RequestBadges';
import { withdrawOwnRequest } from '../requests/api';

interface MyRequestCardProps {
  request: HelpRequest;
  typeName: string;
  /** Called once the citizen has withdrawn the request. */
  onWithdrawn: () => void;
}

/**
 * One of the citizen's requests: what they wrote, the day and time slot asked for, where it
 * stands in plain words, and — while no volunteer is on it (the server's `abilities.cancel`) — a
 * way to withdraw it, confirmed first.
 */
export function MyRequestCard({ request, typeName, onWithdrawn }: MyRequestCardProps) {
  const { t, locale } = useI18n();
  const texts = t.site.myRequests;
  const [confirming, setConfirming] = useState(false);
  const withdraw = useAction(withdrawOwnRequest);
  const titleId = `my-request-${request.id}`;
  const confirm = async () => {
    const result = await withdraw.run(request.id);
    setConfirming(false);
    if (result.ok) onWithdrawn();
  };
  return (
    <article className="card card-bg rounded shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 id={titleId} className="h4 mb-1">
          {typeName}
        </h2>
        <p className="mb-2">
          {t.citizen.forPerson(`${request.beneficiary.givenName} ${request.beneficiary.familyName}`)} ·{' '}
          {t.citizen.askedOn(formatDate(request.createdAt, locale))}
          {request.preferredDate && ` · ${t.citizen.wantedOn(formatDate(request.preferredDate, locale))}`}
        </p>
        {request.windowStart && request.windowEnd && (
          <p className="mb-2">{texts.slot(request.windowStart.slice(0, 5), request.windowEnd.slice(0, 5))}</p>
        )}
        {request.description && (
          <blockquote className="border-start border-3 ps-3 mb-2">
            <span className="visually-hidden">{texts.youWrote}: </span>
            {request.description}
          </blockquote>
        )}
        <p className="mb-1">
          <RequestStatusBadge status={request.status} />
        </p>
        <p className="mb-0">
          {t.citizen.statusText[request.status]}
          {request.status === 'accepted' && request.organizationName && ` ${request.organizationName}.`}
        </p>
        {request.status === 'rejected' && request.rejectionReason && (
          <p className="mb-0">{t.citizen.reason(request.rejectionReason)}</p>
        )}
        <ApiErrorAlert error={withdraw.error} />
        {request.abilities.cancel && (
          <button
            type="button"
            className="btn btn-outline-danger mt-3"
            onClick={() => setConfirming(true)}
            disabled={withdraw.pending}
          >
            {withdraw.pending ? texts.withdrawing : texts.withdraw}
          </button>
        )}
        <Dialog
          title={texts.withdraw}
          closeLabel={texts.withdrawNo}
          open={confirming}
          onClose={() => setConfirming(false)}
        >
          <p>{texts.withdrawConfirm}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-danger" onClick={() => void confirm()}>
              {texts.withdrawYes}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => setConfirming(false)}>
              {texts.withdrawNo}
            </button>
          </div>
        </Dialog>
      </div>
    </article>
  );
}

import type { HelpRequest } from '../../../../shared/src/requests/requests.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { RequestStatusBadge } from '../requests/RequestBadges';

/** One of the citizen's requests, and where it stands, in plain words. */
export function MyRequestCard({ request, typeName }: { request: HelpRequest; typeName: string }) {
  const { t, locale } = useI18n();
  const titleId = `my-request-${request.id}`;
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
      </div>
    </article>
  );
}

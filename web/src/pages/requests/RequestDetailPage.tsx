import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { HelpRequestDetail } from '../../../../shared/src/requests/requests.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { personName } from '../../features/people/PeopleTable';
import { requestPath, type RequestNotice } from '../../features/requests/api';
import { CancelRequestForm } from '../../features/requests/CancelRequestForm';
import { FollowUpForm } from '../../features/requests/FollowUpForm';
import { NextCall } from '../../features/requests/NextCall';
import {
  AwaitingDecisionBadge,
  RequestStatusBadge,
  UrgencyBadge,
} from '../../features/requests/RequestBadges';
import { RequestEvents } from '../../features/requests/RequestEvents';
import { RequestTasks } from '../../features/requests/RequestTasks';
import { TriageForm } from '../../features/requests/TriageForm';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

type Notice = RequestNotice['notice'] | 'decided' | 'cancelled' | 'followedUp';

/** A help request: what, for whom, when; triage and cancellation for who may; tasks and history. */
export function RequestDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const arrived = (useLocation().state as Partial<RequestNotice> | null)?.notice;
  const [notice, setNotice] = useState<Notice | undefined>(arrived);
  // The "next call" link opens another request on this same page: its notice starts afresh.
  const [noticeFor, setNoticeFor] = useState(id);
  if (noticeFor !== id) {
    setNoticeFor(id);
    setNotice(arrived);
  }
  const { data: request, error, loading, reload } = useApi<HelpRequestDetail>(requestPath(id));
  const interventions = useInterventionTypes();
  const canReadPeople = useCan('person.read');
  const canReadTasks = useCan('task.read');
  const canTriage = useCan('request.triage');
  const canOpenCase = useCan('case.write');
  const none = t.common.none;
  const after = (next: Notice) => () => {
    setNotice(next);
    reload();
  };

  const title = request
    ? t.requests.detailTitle(
        interventions.nameOf(request.interventionTypeId, request.interventionTypeName),
        personName(request.beneficiary),
      )
    : t.requests.loadingTitle;
  const schedule = (r: HelpRequestDetail) =>
    [
      r.preferredDate ? formatDate(r.preferredDate, locale) : t.requests.asap,
      r.windowStart && r.windowEnd ? t.requests.window(r.windowStart, r.windowEnd) : t.requests.anyTime,
      r.recurrence === 'weekly' && r.recurrenceUntil
        ? t.requests.weeklyUntil(formatDate(r.recurrenceUntil, locale))
        : '',
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.requests.title, to: '/richieste' },
      ]}
      actions={
        canOpenCase && (
          <Link to={`/fascicoli/nuovo?richiesta=${id}`} className="btn btn-primary">
            {t.cases.open.button}
          </Link>
        )
      }
    >
      {notice && (
        <SuccessAlert>
          {notice === 'created'
            ? t.requests.created
            : notice === 'decided'
              ? t.requests.decided
              : notice === 'followedUp'
                ? t.requests.followedUp
                : t.requests.cancelled}
        </SuccessAlert>
      )}
      {notice === 'decided' && canTriage && <NextCall key={id} after={id} />}
      <ApiErrorAlert error={error} />
      {loading && !request && <Loading />}
      {request && (
        <div className="row g-4">
          <div className="col-12 col-lg-7">
            <section aria-labelledby="request-summary" className="mb-4">
              <h2 id="request-summary" className="h4">
                {t.requests.summary}
              </h2>
              <DetailList
                items={[
                  {
                    term: t.requests.status,
                    value: (
                      <>
                        <RequestStatusBadge status={request.status} />
                        {request.awaitingDecision && (
                          <>
                            {' '}
                            <AwaitingDecisionBadge />
                          </>
                        )}
                      </>
                    ),
                  },
                  { term: t.requests.urgency, value: <UrgencyBadge urgency={request.urgency} /> },
                  { term: t.requests.description, value: request.description || none },
                  { term: t.requests.when, value: schedule(request) },
                  { term: t.requests.channel, value: t.requests.channels[request.channel] },
                  { term: t.requests.receivedAt, value: formatDateTime(request.createdAt, locale) },
                  { term: t.requests.createdBy, value: request.createdByName ?? none },
                  {
                    term: t.requests.requesterShort,
                    value:
                      request.requesterName || request.requesterPhone
                        ? t.requests.requesterLine(request.requesterName ?? '', request.requesterPhone ?? '')
                        : none,
                  },
                  { term: t.requests.notes, value: request.notes || none },
                  ...(request.rejectionReason
                    ? [{ term: t.requests.rejectionReason, value: request.rejectionReason }]
                    : []),
                ]}
              />
            </section>
            <section aria-labelledby="request-person" className="mb-4">
              <h2 id="request-person" className="h4">
                {t.requests.person}
              </h2>
              <ul className="list-inline mb-2">
                {request.beneficiary.followedBySocialServices !== undefined && (
                  <li className="list-inline-item mb-1">
                    <Badge tone={request.beneficiary.followedBySocialServices ? 'info' : 'neutral'}>
                      {request.beneficiary.followedBySocialServices
                        ? t.requests.followedBySocialServices
                        : t.requests.notFollowedBySocialServices}
                    </Badge>
                  </li>
                )}
                {request.beneficiary.covidPositive && (
                  <li className="list-inline-item mb-1">
                    <Badge tone="danger">{t.requests.covidPositive}</Badge>
                  </li>
                )}
              </ul>
              <DetailList
                items={[
                  {
                    term: t.person.name,
                    value: (
                      <>
                        {canReadPeople ? (
                          <Link to={`/persone/${request.beneficiary.id}`}>
                            {personName(request.beneficiary)}
                          </Link>
                        ) : (
                          personName(request.beneficiary)
                        )}{' '}
                        ({t.requests.age(request.beneficiary.age)})
                      </>
                    ),
                  },
                  { term: t.person.comune, value: request.comuneName },
                  { term: t.person.address, value: request.beneficiary.address ?? none },
                  {
                    term: t.person.phone,
                    value: request.beneficiary.phone ? (
                      <a href={`tel:${request.beneficiary.phone.replace(/[^+\d]/g, '')}`}>
                        {request.beneficiary.phone}
                      </a>
                    ) : (
                      none
                    ),
                  },
                ]}
              />
            </section>
          </div>
          <div className="col-12 col-lg-5">
            <section aria-labelledby="request-routing" className="card card-bg rounded shadow-sm mb-4">
              <div className="card-body">
                <h2 id="request-routing" className="h4">
                  {t.requests.routing}
                </h2>
                {request.organizationName ? (
                  <p className="fw-semibold mb-1">{request.organizationName}</p>
                ) : (
                  <>
                    <p className="mb-1">{t.requests.routingPreview}:</p>
                    {request.competentOrganizations.length > 0 ? (
                      <ol className="mb-0">
                        {request.competentOrganizations.map((c) => (
                          <li key={c.organizationId}>{c.organizationName}</li>
                        ))}
                      </ol>
                    ) : (
                      <p className="mb-0">{t.requests.noCompetent}</p>
                    )}
                  </>
                )}
                {request.routingOverrideReason && (
                  <p className="form-text mb-0">{t.requests.overrideNote(request.routingOverrideReason)}</p>
                )}
              </div>
            </section>
            {request.abilities.followUp && <FollowUpForm request={request} onDone={after('followedUp')} />}
            {request.abilities.triage && <TriageForm request={request} onDone={after('decided')} />}
            {request.abilities.cancel && (
              <CancelRequestForm requestId={request.id} onDone={after('cancelled')} />
            )}
          </div>
          <section aria-labelledby="request-tasks" className="col-12">
            <h2 id="request-tasks" className="h4">
              {t.requests.tasksTitle}
            </h2>
            {/* Keyed by the tasks: a new attempt after a failed delivery reloads the list. */}
            <RequestTasks
              key={request.taskIds.join()}
              requestId={request.id}
              taskIds={request.taskIds}
              canRead={canReadTasks}
            />
          </section>
          <section aria-labelledby="request-history" className="col-12">
            <h2 id="request-history" className="h4">
              {t.requests.historyTitle}
            </h2>
            <RequestEvents events={request.events} />
          </section>
        </div>
      )}
    </Page>
  );
}

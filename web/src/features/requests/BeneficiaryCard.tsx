import { Link } from 'react-router';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DetailList } from '../../ui/DetailList';
import { FragilityBadges } from '../people/FragilityBadges';
import { personName } from '../people/PeopleTable';
import { useInterventionTypes } from '../interventions/useInterventionTypes';
import { requestsPath } from './api';
import { RequestStatusBadge } from './RequestBadges';
import type { HelpRequest, RequestsPage } from '../../../../shared/src/requests/requests.schemas';

const isOpen = (r: HelpRequest) => r.status === 'new' || r.status === 'accepted';

/** The person chosen in a phone intake, with what the operator must know before going on. */
export function BeneficiaryCard({ person, onChange }: { person: Person; onChange: () => void }) {
  const { t, locale } = useI18n();
  const theirs = useApi<RequestsPage>(requestsPath({ beneficiaryId: person.id }, 0, 50));
  const open = (theirs.data?.items ?? []).filter(isOpen);
  const interventions = useInterventionTypes();
  return (
    <section aria-labelledby="beneficiary-title" className="card card-bg rounded shadow-sm mb-4">
      <div className="card-body">
        <div className="d-flex flex-wrap justify-content-between gap-2">
          <h2 id="beneficiary-title" className="h4 mb-3">
            {t.requests.beneficiaryTitle}: {personName(person)}
          </h2>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={onChange}>
            {t.requests.changePerson}
          </button>
        </div>
        {person.fragility.knownToSocialServices && (
          <p className="alert alert-info py-2 fw-semibold">{t.requests.followedBySocialServices}</p>
        )}
        <DetailList
          items={[
            {
              term: t.person.birthDate,
              value: `${formatDate(person.birthDate, locale)} (${t.person.age(person.age)})`,
            },
            {
              term: t.person.codiceFiscale,
              value: <span className="font-monospace">{person.codiceFiscale ?? t.common.none}</span>,
            },
            { term: t.person.comune, value: person.comuneName },
            { term: t.person.address, value: person.address ?? t.common.none },
            { term: t.person.phone, value: person.phone ?? t.common.none },
            { term: t.person.fragility, value: <FragilityBadges fragility={person.fragility} /> },
          ]}
        />
        {open.length > 0 && (
          <div className="alert alert-warning mt-3 mb-0" role="status">
            <p className="fw-semibold mb-1">{t.requests.openRequests(open.length)}</p>
            <ul className="mb-0">
              {open.map((r) => (
                <li key={r.id}>
                  <Link to={`/richieste/${r.id}`} target="_blank" rel="noopener">
                    {interventions.nameOf(r.interventionTypeId, r.interventionTypeName)}
                  </Link>{' '}
                  · {formatDateTime(r.createdAt, locale)} · <RequestStatusBadge status={r.status} />{' '}
                  <span className="visually-hidden">({t.common.opensInNewTab})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

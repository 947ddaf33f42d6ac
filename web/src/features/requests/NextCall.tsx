import { Link } from 'react-router';
import type { RequestsPage } from '../../../../shared/src/requests/requests.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { useInterventionTypes } from '../interventions/useInterventionTypes';
import { personName } from '../people/PeopleTable';
import { requestsPath } from './api';

/** After a triage, the next request waiting for one (the list's order: most urgent first). */
export function NextCall({ after }: { after: string }) {
  const t = useT();
  const interventions = useInterventionTypes();
  const next = useApi<RequestsPage>(requestsPath({ status: 'new' }, 0, 2));
  const request = next.data?.items.find((r) => r.id !== after);
  if (!next.data) return null;
  return request ? (
    <p className="mb-4">
      <Link to={`/richieste/${request.id}`} className="btn btn-primary">
        {t.requests.nextCall(
          interventions.nameOf(request.interventionTypeId, request.interventionTypeName),
          personName(request.beneficiary),
        )}
      </Link>
    </p>
  ) : (
    <p className="mb-4">{t.requests.noNextCall}</p>
  );
}

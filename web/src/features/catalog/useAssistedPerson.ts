import { useSearchParams } from 'react-router';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { personPath } from '../people/api';
import { hasCapability, useSession } from '../session/SessionProvider';

export interface AssistedPerson {
  /** `?persona=` of the address, kept only for a welfare manager (who books on behalf of people). */
  personId: string | null;
  person: Person | undefined;
  name: string;
  error: unknown;
}

/** The person a welfare manager is serving at the desk, carried from page to page in `?persona=`. */
export function useAssistedPerson(): AssistedPerson {
  const [params] = useSearchParams();
  const { state } = useSession();
  // Public pages use this too: no session, no assisted booking.
  const mayAssist = state.status === 'authenticated' && hasCapability(state.me, 'order.assist');
  const personId = mayAssist ? params.get('persona') : null;
  const person = useApi<Person>(personId ? personPath(personId) : null);
  return {
    personId,
    person: person.data,
    name: person.data ? `${person.data.givenName} ${person.data.familyName}` : '',
    error: person.error,
  };
}

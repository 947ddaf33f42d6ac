import { api, withQuery } from '../../api/client';
import type {
  PeoplePage,
  Person,
  PersonInput,
  PersonWithHousehold,
  SetHouseholdBody,
  UpdatePersonBody,
} from '../../../../shared/src/people/people.schemas';

export const PEOPLE_PAGE_SIZE = 20;

export const peopleSearchPath = (q: string, page: number) =>
  withQuery('/api/people', { q: q.trim(), limit: PEOPLE_PAGE_SIZE, offset: page * PEOPLE_PAGE_SIZE });

export const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export interface DuplicateQuery {
  codiceFiscale?: string;
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  excludeId?: string;
}

export const findDuplicates = (query: DuplicateQuery, signal?: AbortSignal) =>
  api.get<Person[]>(withQuery('/api/people/duplicates', { ...query }), signal);

export const searchPeople = (q: string) => api.get<PeoplePage>(peopleSearchPath(q, 0));
export const createPerson = (input: PersonInput) => api.post<Person>('/api/people', input);
export const updatePerson = (id: string, body: UpdatePersonBody) => api.put<Person>(personPath(id), body);
export const setHousehold = (personId: string, body: SetHouseholdBody) =>
  api.put<PersonWithHousehold>(`${personPath(personId)}/household`, body);

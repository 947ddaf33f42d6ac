import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';

export interface DuplicateCandidate {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  comuneName: string;
}

/** People who may be the one being registered, each opening in a new tab so the form is kept. */
export function DuplicateList({ people }: { people: DuplicateCandidate[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="mb-0 mt-2">
      {people.map((p) => (
        <li key={p.id}>
          <Link to={`/persone/${p.id}`} target="_blank" rel="noopener">
            {p.familyName} {p.givenName}
          </Link>
          , {t.people.bornOn(formatDate(p.birthDate, locale))}, {p.comuneName}{' '}
          <span className="visually-hidden">({t.common.opensInNewTab})</span>
        </li>
      ))}
    </ul>
  );
}

export function isDuplicateCandidate(value: unknown): value is DuplicateCandidate {
  const v = value as Partial<DuplicateCandidate> | null;
  return typeof v?.id === 'string' && typeof v.givenName === 'string' && typeof v.familyName === 'string';
}

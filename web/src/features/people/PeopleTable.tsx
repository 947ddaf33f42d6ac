import { Link } from 'react-router';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { FragilityBadges } from './FragilityBadges';

export const personName = (p: { givenName: string; familyName: string }) => `${p.familyName} ${p.givenName}`;

/** Search results: a table on wide screens, cards on phones. */
export function PeopleTable({ people }: { people: Person[] }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={t.peopleSearch.resultsCaption}
      rows={people}
      rowKey={(p) => p.id}
      empty={t.peopleSearch.noResults}
      columns={[
        {
          key: 'name',
          header: t.person.name,
          render: (p) => (
            <Link to={`/persone/${p.id}`} className="fw-semibold">
              {personName(p)}
            </Link>
          ),
        },
        {
          key: 'cf',
          header: t.person.codiceFiscale,
          render: (p) => <span className="font-monospace">{p.codiceFiscale ?? t.common.none}</span>,
        },
        {
          key: 'birth',
          header: t.person.birthDate,
          render: (p) => `${formatDate(p.birthDate, locale)} (${t.person.age(p.age)})`,
        },
        { key: 'comune', header: t.person.comune, render: (p) => p.comuneName },
        { key: 'phone', header: t.person.phone, render: (p) => p.phone ?? t.common.none },
        {
          key: 'fragility',
          header: t.person.fragility,
          render: (p) => <FragilityBadges fragility={p.fragility} />,
        },
      ]}
    />
  );
}

import type { Person } from '../../../../shared/src/people/people.schemas';
import { useT } from '../../i18n/I18nProvider';

type Marker = keyof Person['fragility'];
const MARKERS: Marker[] = ['over65', 'livesAlone', 'disability', 'covidPositive', 'knownToSocialServices'];

/** The fragility markers that are set (the server leaves out those the user may not see). */
export function FragilityBadges({ fragility }: { fragility: Person['fragility'] }) {
  const t = useT();
  const set = MARKERS.filter((m) => fragility[m] === true);
  if (set.length === 0) return <span className="text-muted">{t.common.none}</span>;
  return (
    <ul className="list-inline mb-0">
      {set.map((m) => (
        <li key={m} className="list-inline-item mb-1">
          <span className="badge fragility-badge">{t.fragility[m]}</span>
        </li>
      ))}
    </ul>
  );
}

import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { countersOf } from './counters';
import './dashboard.css';

/** The day's figures as cards; those that need attention carry a coloured edge and the word stays the same. */
export function CounterCards({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  return (
    <ul className="counter-cards list-unstyled row row-cols-2 row-cols-md-3 row-cols-xl-5 g-3 mb-0">
      {countersOf(dashboard, t, locale).map((c) => (
        <li key={c.key} className="col">
          <div
            className={`counter-card card card-bg rounded shadow-sm h-100${c.alert ? ' counter-card-alert' : ''}`}
          >
            <div className="card-body">
              <p className="counter-value mb-1">{c.value}</p>
              <p className="counter-label mb-0">{c.label}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

import { Link } from 'react-router';
import type { WorkQueue as Queue } from '../../../../shared/src/dashboard/dashboard.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import '../dashboard/dashboard.css';

type QueueKey = keyof Queue;

// Where each queue is worked: the list it counts, already filtered.
const QUEUE_PATHS: Record<QueueKey, string> = {
  requestsToTriage: '/richieste?stato=new',
  failedDeliveries: '/richieste?stato=da-decidere',
  tasksToAssign: '/compiti?stato=open&giorno=',
  moneyToReimburseCents: '/compiti?giorno=',
  tasksToAnswer: '/miei-compiti',
  myTasksToday: '/miei-compiti',
};

/** What waits for the user, with counts, each a link to the list where it is done. */
export function WorkQueue() {
  const { t, locale } = useI18n();
  const queue = useApi<Queue>('/api/work-queue');
  const items = queue.data
    ? (Object.keys(QUEUE_PATHS) as QueueKey[]).flatMap((key) => {
        const value = queue.data![key];
        return value === null ? [] : [{ key, value }];
      })
    : [];
  if (!queue.error && items.length === 0) return null;
  return (
    <section aria-labelledby="home-queue" className="mb-5">
      <h2 id="home-queue" className="h3 mb-3">
        {t.home.queueTitle}
      </h2>
      <ApiErrorAlert error={queue.error} />
      <ul className="list-unstyled row row-cols-1 row-cols-sm-2 row-cols-lg-4 g-3 mb-0">
        {items.map(({ key, value }) => (
          <li key={key} className="col">
            <Link
              to={QUEUE_PATHS[key]}
              className={`counter-card card card-bg rounded shadow-sm h-100 text-decoration-none${value > 0 ? ' counter-card-alert' : ''}`}
            >
              <span className="card-body">
                <span className="counter-value d-block mb-1">
                  {key.endsWith('Cents') ? formatCents(value, locale) : formatNumber(value, locale)}
                </span>
                <span className="counter-label d-block">{t.home.queue[key]}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
